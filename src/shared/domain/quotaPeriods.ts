import { addDays, isoWeekdayIndex, type LocalDate } from './localDates';
import type { QuotaPeriod } from './quotas';

/**
 * Quota periods on the workstation's local calendar (docs/quotas.md): daily resets at local midnight,
 * weekly on Monday 00:00, monthly on the 1st 00:00; `total` never resets and `unlimited` has no
 * limit. Pure (no node imports): local wall times come from `Intl.DateTimeFormat`, so the answers
 * follow the IANA zone rules, daylight saving time included.
 *
 * "Local midnight" is defined as the first instant whose local date is the new day. That settles
 * the two awkward cases:
 * - a midnight that falls in a gap (America/Santiago, America/Havana spring forward at 00:00):
 *   00:00 never shows on the clock, the day starts at the transition (01:00 local);
 * - a midnight that happens twice (America/Havana falls back from 01:00 to 00:00): the day starts
 *   at the first 00:00, so a day can be 23 or 25 hours long.
 */
export interface QuotaWindow {
  /** first instant (ms) counted in the current period; 0 for `total` and `unlimited` (all time) */
  start: number;
  /** when the current period ends and usage starts again from zero; null when it never does */
  resetsAt: number | null;
}

const HOUR = 3_600_000;

/** The period that contains `now` in `timeZone`. */
export function quotaWindow(period: QuotaPeriod, now: number, timeZone: string): QuotaWindow {
  if (period === 'total' || period === 'unlimited') return { start: 0, resetsAt: null };
  const today = localDateOf(now, timeZone);
  const first = firstDayOfPeriod(period, today);
  const start = startOfLocalDate(first, timeZone);
  let next = nextPeriodFirstDay(period, first);
  let resetsAt = startOfLocalDate(next, timeZone);
  // Defensive: a zone whose clock went back across midnight could put `now` after the next start.
  while (resetsAt <= now) {
    next = nextPeriodFirstDay(period, next);
    resetsAt = startOfLocalDate(next, timeZone);
  }
  return { start: Math.min(start, now), resetsAt };
}

/** The local calendar date of an instant in `timeZone`. */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  const p = wallParts(ms, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/** The wall-clock time of `ms` in `timeZone`, to the second. */
export function localTimeOf(ms: number, timeZone: string): { hour: number; minute: number; second: number } {
  const p = wallParts(ms, timeZone);
  return { hour: p.hour, minute: p.minute, second: p.second };
}

/** The first instant (ms) whose local date in `timeZone` is `date` (see the module comment). */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  const target = Date.UTC(date.year, date.month - 1, date.day);
  // Every offset in use lies within −12 h … +14 h, so the answer lies in this window; at most one
  // transition falls inside it for every real zone, so sampling the ends and the middle finds
  // every offset a candidate could have.
  const offsets = new Set([offsetAt(target - 15 * HOUR, timeZone), offsetAt(target, timeZone), offsetAt(target + 13 * HOUR, timeZone)]);
  const exact = [...offsets].map((o) => target - o).filter((t) => wallClockOf(t, timeZone) === target);
  if (exact.length > 0) return Math.min(...exact);
  // Midnight is in a gap: the day starts at the transition. The clock reads before midnight at
  // `target - largest offset` and after it at `target - smallest offset`; the jump lies between.
  const sorted = [...offsets].sort((a, b) => a - b);
  let after = target - sorted[0]!;
  let before = target - sorted[sorted.length - 1]!;
  // Transitions happen on whole seconds: search on seconds.
  while (after - before > 1000) {
    const mid = before + Math.floor((after - before) / 2000) * 1000;
    if (wallClockOf(mid, timeZone) >= target) after = mid;
    else before = mid;
  }
  return after;
}

function firstDayOfPeriod(period: 'daily' | 'weekly' | 'monthly', today: LocalDate): LocalDate {
  switch (period) {
    case 'daily':
      return today;
    case 'weekly':
      return addDays(today, -isoWeekdayIndex(today));
    case 'monthly':
      return { year: today.year, month: today.month, day: 1 };
  }
}

function nextPeriodFirstDay(period: 'daily' | 'weekly' | 'monthly', first: LocalDate): LocalDate {
  switch (period) {
    case 'daily':
      return addDays(first, 1);
    case 'weekly':
      return addDays(first, 7);
    case 'monthly':
      return first.month === 12 ? { year: first.year + 1, month: 1, day: 1 } : { year: first.year, month: first.month + 1, day: 1 };
  }
}

interface WallParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: string;
  monthName: string;
}

const numericFormatters = new Map<string, Intl.DateTimeFormat>();
const labelFormatters = new Map<string, Intl.DateTimeFormat>();

function numericFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = numericFormatters.get(timeZone);
  if (!f) {
    // en-US with h23: stable digits and no "24:00" at midnight (some engines print 24 with hour12: false)
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    numericFormatters.set(timeZone, f);
  }
  return f;
}

function labelFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = labelFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, month: 'short' });
    labelFormatters.set(timeZone, f);
  }
  return f;
}

function wallParts(ms: number, timeZone: string): WallParts {
  const out: Record<string, string> = {};
  for (const part of numericFormatter(timeZone).formatToParts(ms)) out[part.type] = part.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: out.weekday ?? '',
    monthName: labelFormatter(timeZone).format(ms),
  };
}

/** The local wall-clock reading of an instant, expressed as if it were UTC (ms). */
function wallClockOf(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const millis = ((ms % 1000) + 1000) % 1000;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) + millis;
}

/** Local time minus UTC at an instant (ms): +3 600 000 for Berlin in winter. */
function offsetAt(ms: number, timeZone: string): number {
  return wallClockOf(ms, timeZone) - ms;
}

/**
 * How a reset time is shown, in main's messages and in the UI as is: `Fri 27 Nov 2026, 00:00` —
 * short English weekday, day, short month, year, 24-hour local time in the workstation's zone.
 * English because the refusal message around it is English; unambiguous across locales (no
 * 11/12 vs 12/11).
 */
export function formatLocalDateTime(ms: number, timeZone: string): string {
  const p = wallParts(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.weekday} ${p.day} ${p.monthName} ${p.year}, ${two(p.hour)}:${two(p.minute)}`;
}
