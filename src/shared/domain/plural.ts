/**
 * `plural(1, 'file', 'files')` → `1 file`, `plural(5, 'file', 'files')` → `5 files`. English only
 * (the app's one language): the singular is for exactly one, everything else — 0 included — takes
 * the plural. The caller gives both forms, so irregular words (`address`/`addresses`) just work.
 */
export function plural(count: number, one: string, other: string): string {
  return `${count} ${count === 1 ? one : other}`;
}
