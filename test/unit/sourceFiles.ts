import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Every file under `dir` (relative to the repo root) whose extension is listed; [] if it is missing. */
export function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  const root = path.join(repoRoot, dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.includes(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function relative(file: string): string {
  return path.relative(repoRoot, file).split(path.sep).join('/');
}
