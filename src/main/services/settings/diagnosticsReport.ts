import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { count, eq, gte, sql } from 'drizzle-orm';
import type { RouteOutput } from '../../../shared/contract/types';
import type { Db } from '../../db/client';
import { job, media, user } from '../../db/schema';
import { LOG_FILE_NAME } from '../../logFile';
import { redact } from '../../logger';
import type { ZipEntry } from './zipWriter';

/** What goes into a diagnostics zip and where it comes from. */
export interface DiagnosticsSources {
  db: Db;
  /** the settings page's own view: it never holds a secret, only the API key's state */
  snapshot: () => RouteOutput<'settings.get'>;
  versions: { app: string; googleGenai: string };
  logDir: string;
  /** how many bytes of logs at most, newest first; older lines beyond it are left out */
  logBudgetBytes: number;
  now: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** 20 MB of JSON lines compresses to a few MB: small enough to attach to an email. */
export const DEFAULT_LOG_BUDGET_BYTES = 20 * 1024 * 1024;
/** `studio.log`, then `1-studio.log` (newest rotated) … (see logFile.ts) */
const LOG_NAME = new RegExp(`^(?:(\\d+)-)?${LOG_FILE_NAME.replace('.', '\\.')}$`);
/** Emails in log lines (an admin provisioned from the environment, an error echoing input) become this. */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

interface LogFileNote {
  name: string;
  bytes: number;
  includedBytes: number;
  /** only the newest lines are included (the budget ran out) */
  truncated: boolean;
}

/**
 * The zip's entries. Nothing personal goes in: no email, prompt, password, code or key — the
 * settings come from the same snapshot the settings page shows (the key only as set/unset, its
 * source and last four characters), counts are totals for the workstation, and the logs (already
 * redacted when written) are redacted again, emails included, in case a line was written before a
 * secret was known.
 */
export async function collectDiagnostics(sources: DiagnosticsSources): Promise<ZipEntry[]> {
  const generatedAt = new Date(sources.now).toISOString();
  const { catalogue, modelCheck, ...settings } = sources.snapshot();
  const logs = await readLogs(sources.logDir, sources.logBudgetBytes);
  const entries: ZipEntry[] = [
    json('versions.json', { generatedAt, ...versionsOf(sources) }),
    json('settings.json', settings),
    // the catalogue's last check with Google, as the self-check stored it (times as ISO 8601)
    json('catalogue.json', {
      models: catalogue,
      lastCheck: modelCheck && {
        ...modelCheck,
        at: new Date(modelCheck.at).toISOString(),
        lastSuccessAt: modelCheck.lastSuccessAt === null ? null : new Date(modelCheck.lastSuccessAt).toISOString(),
      },
    }),
    json('counts.json', countsOf(sources.db, sources.now)),
    json('manifest.json', {
      generatedAt,
      about: 'Gemini Media Studio diagnostics: recent logs, versions, settings without secrets, the model catalogue and counts.',
      logs: logs.notes,
    }),
    ...logs.entries,
  ];
  return entries;
}

function json(name: string, value: unknown): ZipEntry {
  return { name, content: `${JSON.stringify(value, null, 2)}\n` };
}

function versionsOf(sources: DiagnosticsSources) {
  const sqlite = sources.db.get<{ v: string }>(sql`SELECT sqlite_version() AS v`);
  return {
    app: sources.versions.app,
    // absent in plain Node (the browser harness)
    electron: process.versions['electron'] ?? null,
    chromium: process.versions['chrome'] ?? null,
    node: process.versions.node,
    os: { platform: process.platform, type: os.type(), release: os.release() },
    arch: process.arch,
    sqlite: sqlite.v,
    googleGenai: sources.versions.googleGenai,
  };
}

/** Totals for the whole workstation, never per person. */
function countsOf(db: Db, now: number) {
  const since = now - 7 * DAY_MS;
  const users = db
    .select({
      total: count(),
      active: sql<number>`coalesce(sum(${user.isActive}), 0)`,
      admins: sql<number>`coalesce(sum(${user.role} = 'admin'), 0)`,
      awaitingFirstPassword: sql<number>`coalesce(sum(${user.passwordHash} is null), 0)`,
    })
    .from(user)
    .get();
  const jobRows = db
    .select({ status: job.status, kind: job.kind, n: count() })
    .from(job)
    .where(gte(job.createdAt, since))
    .groupBy(job.status, job.kind)
    .all();
  const byStatus: Record<string, number> = {};
  const byKind: Record<string, number> = {};
  for (const r of jobRows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    byKind[r.kind] = (byKind[r.kind] ?? 0) + r.n;
  }
  const mediaRows = db
    .select({ kind: media.kind, n: count(), bytes: sql<number>`coalesce(sum(${media.bytes}), 0)` })
    .from(media)
    .groupBy(media.kind)
    .all();
  const missing = db.select({ n: count() }).from(media).where(eq(media.missing, true)).get();
  return {
    users: users ?? { total: 0, active: 0, admins: 0, awaitingFirstPassword: 0 },
    jobsLast7Days: { since: new Date(since).toISOString(), total: jobRows.reduce((sum, r) => sum + r.n, 0), byStatus, byKind },
    media: {
      total: mediaRows.reduce((sum, r) => sum + r.n, 0),
      bytes: mediaRows.reduce((sum, r) => sum + r.bytes, 0),
      byKind: Object.fromEntries(mediaRows.map((r) => [r.kind, { count: r.n, bytes: r.bytes }])),
      missingFiles: missing?.n ?? 0,
    },
  };
}

/**
 * The log files, newest first, within the byte budget. A file that does not fit whole contributes
 * its newest lines (from the first line break after the cut); older files are then left out.
 */
async function readLogs(logDir: string, budget: number): Promise<{ entries: ZipEntry[]; notes: LogFileNote[] }> {
  let names: string[];
  try {
    names = await fs.readdir(logDir);
  } catch {
    return { entries: [], notes: [] };
  }
  const ordered = names
    .map((name) => ({ name, match: LOG_NAME.exec(name) }))
    .filter((f) => f.match)
    .sort((a, b) => Number(a.match![1] ?? 0) - Number(b.match![1] ?? 0))
    .map((f) => f.name);
  const entries: ZipEntry[] = [];
  const notes: LogFileNote[] = [];
  let left = budget;
  for (const name of ordered) {
    // rotation may rename a file between the listing and the read: skip what is gone
    const read = await readTail(path.join(logDir, name), left);
    if (!read) continue;
    let kept = read.tail;
    if (kept.byteLength < read.size) {
      // cut at a line break, so the first line in the zip is a whole JSON line
      const lineStart = kept.indexOf(0x0a);
      kept = lineStart === -1 ? Buffer.alloc(0) : kept.subarray(lineStart + 1);
    }
    left = Math.max(0, left - read.tail.byteLength);
    notes.push({ name, bytes: read.size, includedBytes: kept.byteLength, truncated: kept.byteLength < read.size });
    if (read.tail.byteLength > 0 || read.size === 0) entries.push({ name: `logs/${name}`, content: await scrub(kept) });
  }
  return { entries, notes };
}

/** The last `max` bytes of a file and its size; null when the file is gone. */
async function readTail(file: string, max: number): Promise<{ size: number; tail: Buffer } | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    return null;
  }
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, Math.max(0, max)));
    let filled = 0;
    while (filled < tail.byteLength) {
      const { bytesRead } = await handle.read(tail, filled, tail.byteLength - filled, size - tail.byteLength + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { size, tail: tail.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}

/** Lines redacted per step: a few milliseconds of work, then the event loop gets a turn. */
const SCRUB_STEP_BYTES = 256 * 1024;

/**
 * Redacts keys and registered secrets and replaces emails, a step of whole lines at a time (a secret
 * never spans lines) with a turn of the event loop between steps, so 20 MB of logs never stall
 * requests. The email pattern only runs on lines that contain an `@`: on the rest it would cost a
 * scan per starting position for nothing.
 */
async function scrub(bytes: Buffer): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.byteLength;) {
    const newline = bytes.indexOf(0x0a, Math.min(start + SCRUB_STEP_BYTES, bytes.byteLength - 1));
    const end = newline === -1 ? bytes.byteLength : newline + 1;
    const text = redact(bytes.subarray(start, end).toString('utf8'));
    const clean = text.includes('@')
      ? text
          .split('\n')
          .map((line) => (line.includes('@') ? line.replace(EMAIL, '[email]') : line))
          .join('\n')
      : text;
    parts.push(Buffer.from(clean, 'utf8'));
    start = end;
    await nextTurn();
  }
  return Buffer.concat(parts);
}
