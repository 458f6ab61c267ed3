import fs from 'node:fs';
import path from 'node:path';

export const COMMON_PASSWORDS_FILE = 'common-passwords.txt';

/**
 * Reads the bundled list of common passwords (docs/accounts.md) once at start. Lower-cased, because
 * `Password123` is no harder to guess than `password123`.
 */
export function loadCommonPasswords(resourcesDir: string): ReadonlySet<string> {
  const text = fs.readFileSync(path.join(resourcesDir, COMMON_PASSWORDS_FILE), 'utf8');
  const words = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (line && !line.startsWith('#')) words.add(line.toLowerCase());
  }
  return words;
}

/**
 * `resources/` ships beside the code: at the project root in development and tests; packaged
 * builds pass `resourcesDir` (process.resourcesPath) explicitly. Same search as the migrations.
 */
export function findResourcesDir(from = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, COMMON_PASSWORDS_FILE))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`resources/${COMMON_PASSWORDS_FILE} not found above ${from}; pass resourcesDir`);
}
