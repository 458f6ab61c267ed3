/** At most this many words are searched; more only slow the query without narrowing much. */
const MAX_TERMS = 8;

/**
 * Turns what someone typed into an FTS5 query: every word must appear in the prompt, and a word of
 * two or more characters also matches as a beginning ("sun" finds "sunset"). Words are quoted, so
 * FTS5 syntax typed by accident (`"`, `*`, `NEAR`, `OR`, `-`) is searched as text and never makes
 * the query fail. Returns null when nothing searchable is left (only punctuation).
 */
export function toFtsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const terms = words.slice(0, MAX_TERMS).map((word) => (word.length >= 2 ? `"${word}"*` : `"${word}"`));
  return terms.join(' ');
}
