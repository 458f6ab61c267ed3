/**
 * Dates as the workstation's locale and time zone show them: one style everywhere (the medium date,
 * with a short time where the time matters). The formatters are made once; making one per call
 * costs more than the formatting itself, and the gallery formats a heading per day on screen.
 */
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return dateTimeFormat.format(ms);
}

/** The local calendar day of `ms` in the same style, without the time (the gallery's day headings). */
export function formatDay(ms: number): string {
  return dayFormat.format(ms);
}

/** A key that is equal for two times on the same local calendar day. */
export function localDayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}
