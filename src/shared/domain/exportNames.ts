import { formatLocalDate } from './localDates';
import { localDateOf, localTimeOf } from './quotaPeriods';

/**
 * File names for exported media: `YYYY-MM-DD_<prompt-slug>_<n>.<ext>`, with the metadata sidecar
 * next to it under the same base name (`….json`). The date is the item's creation day on the
 * workstation's local calendar (the one quota periods count in), the slug a few lowercase ASCII
 * words of the prompt, and `<n>` (1-based) tells apart items of one export that share date and slug.
 *
 * Names are safe on every file system by construction: only `[a-z0-9-_.]`, never longer than
 * about 70 characters, and always starting with a date, so a Windows device name (CON, NUL,
 * COM1, …) or a trailing dot or space cannot occur.
 */
export interface ExportNameInput {
  /** when the item was created (ms since the epoch) */
  createdAt: number;
  /** the prompt it was made from; null for an imported image */
  prompt: string | null;
  /** IANA zone of the workstation's local calendar */
  timeZone: string;
}

const SLUG_MAX_WORDS = 6;
const SLUG_MAX_CHARS = 48;
/** the slug of an item without a prompt (an imported image) */
const NO_PROMPT_SLUG = 'imported';
/** the slug of a prompt with no letters or digits in it (only emoji, only punctuation) */
const NO_WORDS_SLUG = 'untitled';

/** Letters that Unicode decomposition does not fold to ASCII but that have a usual spelling in it. */
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h' };

/** `"Ein großer Café — at night!"` → `ein-grosser-cafe-at-night`; empty when there is no ASCII word. */
export function promptSlug(prompt: string): string {
  const folded = prompt
    .toLowerCase()
    .replace(/[ßæœøđðłþıħ]/g, (c) => FOLDS[c]!)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const words = (folded.match(/[a-z0-9]+/g) ?? []).slice(0, SLUG_MAX_WORDS);
  // whole words only, unless the first word alone is too long
  while (words.length > 1 && words.join('-').length > SLUG_MAX_CHARS) words.pop();
  return words.join('-').slice(0, SLUG_MAX_CHARS);
}

/** `2026-11-26_a-castle-in-the-snow` — the name an item's export files share, before `_<n>`. */
export function exportStem({ createdAt, prompt, timeZone }: ExportNameInput): string {
  const date = formatLocalDate(localDateOf(createdAt, timeZone));
  const slug = prompt === null || prompt.trim() === '' ? NO_PROMPT_SLUG : promptSlug(prompt) || NO_WORDS_SLUG;
  return `${date}_${slug}`;
}

/** `png`, `.PNG` → `png`; anything that is not a plain extension → `bin`. */
function cleanExt(ext: string): string {
  const clean = ext.replace(/^\./, '').toLowerCase();
  return /^[a-z0-9]{1,10}$/.test(clean) ? clean : 'bin';
}

/** `2026-11-26_a-castle-in-the-snow_1`: what an item's file and its sidecar share. `index` is 1-based. */
export function exportBaseName(input: ExportNameInput & { index: number }): string {
  if (!Number.isInteger(input.index) || input.index < 1) throw new RangeError(`export index must be a whole number from 1, not ${input.index}`);
  return `${exportStem(input)}_${input.index}`;
}

/** `2026-11-26_a-castle-in-the-snow_1.png`. */
export function exportFileName(input: ExportNameInput & { index: number; ext: string }): string {
  return `${exportBaseName(input)}.${cleanExt(input.ext)}`;
}

/**
 * Names the items of one export in the order given: each gets the next free `<n>` for its date
 * and slug, so no two share a base name (and their sidecars, all `.json`, cannot collide either).
 * Returns the base name, without extension.
 */
export function exportBaseNamer(timeZone: string): (item: Omit<ExportNameInput, 'timeZone'>) => string {
  const used = new Map<string, number>();
  return (item) => {
    const stem = exportStem({ ...item, timeZone });
    const index = (used.get(stem) ?? 0) + 1;
    used.set(stem, index);
    return exportBaseName({ ...item, timeZone, index });
  };
}

/**
 * The folder an export made at `now` goes into, on the workstation's clock: `2026-11-26_09-00-00`
 * (sortable, no colons, which Windows refuses). Local time, like the file names inside it: an export
 * made at 00:30 is named for the day the person sees on their clock.
 */
export function exportFolderName(now: number, timeZone: string): string {
  const { hour, minute, second } = localTimeOf(now, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatLocalDate(localDateOf(now, timeZone))}_${two(hour)}-${two(minute)}-${two(second)}`;
}
