import fs from 'node:fs';
import path from 'node:path';
import { SEEDED_PASSWORD } from './people';

/**
 * What must never appear in the studio's log files: the fake server's key and any Google-shaped key,
 * the seeded accounts' password, setup codes (their printed form), and image bytes (base64 PNG/JPEG
 * openings). Checked on every harness data folder an e2e test used, before it is removed. Built on
 * use: people.ts and harness.ts import each other through this file, so SEEDED_PASSWORD may not be
 * set yet while it loads.
 */
const forbidden = (): { what: string; pattern: RegExp }[] => [
  { what: 'the fake Gemini key', pattern: /test-key/ },
  { what: 'a Google API key', pattern: /AIza[0-9A-Za-z_-]{20,}/ },
  { what: 'a seeded password', pattern: new RegExp(SEEDED_PASSWORD) },
  { what: 'a setup code', pattern: /\b[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}\b/ },
  { what: 'PNG bytes', pattern: /iVBORw0KGgo/ },
  { what: 'JPEG bytes', pattern: /\/9j\/4/ },
];

export function readLogs(dataDir: string): string {
  const dir = path.join(dataDir, 'logs');
  if (!fs.existsSync(dir)) return '';
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .join('\n');
}

/** The forbidden things found in a data folder's logs, with the line they were on; empty when clean. */
export function secretsInLogs(dataDir: string, extra: string[] = []): string[] {
  const text = readLogs(dataDir);
  const checks = [...forbidden(), ...extra.filter(Boolean).map((value) => ({ what: `"${value.slice(0, 4)}…"`, pattern: new RegExp(escape(value)) }))];
  const found: string[] = [];
  for (const line of text.split('\n')) {
    for (const { what, pattern } of checks) if (pattern.test(line)) found.push(`${what} in: ${line.slice(0, 200)}`);
  }
  return found;
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
