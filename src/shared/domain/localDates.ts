/**
 * Calendar dates with no time zone attached (what a date picker gives, what a local calendar
 * counts in). Pure arithmetic on the proleptic Gregorian calendar through `Date.UTC`, which knows
 * month lengths and leap years; time zones come in only in `quotaPeriods.ts`.
 */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday (ISO order: quota weeks start on Monday). */
export function isoWeekdayIndex(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** `2026-11-27` → { 2026, 11, 27 }, or null when it is not a real date (2026-02-30). */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = addDays(date, 0);
  const same = roundTrip.year === date.year && roundTrip.month === date.month && roundTrip.day === date.day;
  return same && date.year >= 1970 ? date : null;
}

export function isRealLocalDate(text: string): boolean {
  return parseLocalDate(text) !== null;
}

export function formatLocalDate(date: LocalDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${two(date.month)}-${two(date.day)}`;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}
