import { QUOTA_PERIOD_LABELS } from './quotaStatus';
import type { QuotaKind, QuotaPeriod } from './quotas';

export type CsvCell = string | number | null;

/**
 * One CSV cell per RFC 4180 (quoted when it holds a comma, quote, CR or LF; quotes doubled), and
 * safe to open in a spreadsheet: a text cell starting with `=`, `+`, `-`, `@`, tab or CR would be
 * run as a formula (CSV injection, e.g. an account named `=HYPERLINK(...)@lab.org`), so it gets a
 * leading `'`. Numbers are written as numbers.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Rows → CSV text with CRLF line ends (RFC 4180), ending with a line break. */
export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export interface UsageCsvInput {
  from: string;
  to: string;
  rows: {
    email: string;
    userId: string;
    kind: QuotaKind;
    period: QuotaPeriod;
    limit: number;
    used: number;
    remaining: number | null;
    resetsAtLabel: string | null;
    committedInRange: number;
  }[];
}

/** The admin usage report as a spreadsheet: one line per user and kind. */
export function usageReportCsv(report: UsageCsvInput): string {
  const header = [
    'Email',
    'User id',
    'Kind',
    'Period',
    'Limit',
    'Used this period',
    'Remaining',
    'Resets at',
    `Charged ${report.from} to ${report.to}`,
  ];
  const lines: CsvCell[][] = report.rows.map((r) => [
    r.email,
    r.userId,
    r.kind,
    QUOTA_PERIOD_LABELS[r.period],
    r.period === 'unlimited' ? null : r.limit,
    r.used,
    r.remaining,
    r.period === 'total' ? 'Does not reset' : r.resetsAtLabel,
    r.committedInRange,
  ]);
  return toCsv([header, ...lines]);
}

/** A file name for the export: `usage-2026-11-01-to-2026-11-30.csv`. */
export function usageCsvFileName(from: string, to: string): string {
  return `usage-${from}-to-${to}.csv`;
}
