import { QUOTA_PERIOD_LABELS } from './quotaStatus';
import { type QuotaPeriod, UNIT_QUOTA_KINDS, type UnitQuotaKind } from './quotas';

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

interface KindCells {
  period: QuotaPeriod;
  limit: number;
  used: number;
  resetsAt: number | null;
  charged: number;
  costMicros: number | null;
}

export interface UsageCsvInput {
  from: string;
  to: string;
  people: { email: string; userId: string; kinds: Record<UsageKind, KindCells>; costMicros: number | null }[];
  totals: { kinds: Record<UsageKind, { charged: number; costMicros: number | null }>; costMicros: number | null };
}

type UsageKind = UnitQuotaKind;

const usd = (micros: number | null): number | null => (micros === null ? null : micros / 1_000_000);

/**
 * The admin usage report as a spreadsheet: one line per person, a column group per unit kind (a money
 * budget is the cost column, not a kind), the cost, and a totals line. Dates and times are ISO 8601 — the range as local dates of the workstation,
 * "resets at" as an instant in UTC — so a spreadsheet reads them as dates, not text.
 */
export function usageReportCsv(report: UsageCsvInput): string {
  const header: CsvCell[] = ['Email', 'User id', 'From', 'To'];
  for (const kind of UNIT_QUOTA_KINDS) {
    header.push(
      `${kind} charged in range`,
      `${kind} used this period`,
      `${kind} limit`,
      `${kind} period`,
      `${kind} resets at`,
      `${kind} cost in range (USD)`,
    );
  }
  header.push('Cost in range (USD)');
  const lines: CsvCell[][] = report.people.map((p) => [
    p.email,
    p.userId,
    report.from,
    report.to,
    ...UNIT_QUOTA_KINDS.flatMap((kind) => {
      const k = p.kinds[kind];
      return [
        k.charged,
        k.used,
        k.period === 'unlimited' ? null : k.limit,
        QUOTA_PERIOD_LABELS[k.period],
        k.resetsAt === null ? null : new Date(k.resetsAt).toISOString(),
        usd(k.costMicros),
      ];
    }),
    usd(p.costMicros),
  ]);
  const totals: CsvCell[] = [
    'Total',
    null,
    report.from,
    report.to,
    ...UNIT_QUOTA_KINDS.flatMap((kind) => [report.totals.kinds[kind].charged, null, null, null, null, usd(report.totals.kinds[kind].costMicros)]),
    usd(report.totals.costMicros),
  ];
  return toCsv([header, ...lines, totals]);
}

export interface UsageByModelCsvInput {
  from: string;
  to: string;
  models: { email: string; userId: string; kind: UsageKind; model: string; label: string; charged: number; costMicros: number | null }[];
}

/** The per-model split as its own spreadsheet: one line per person, kind and model, with its cost. */
export function usageByModelCsv(report: UsageByModelCsvInput): string {
  const header: CsvCell[] = ['Email', 'User id', 'From', 'To', 'Kind', 'Model id', 'Model', 'Charged in range', 'Cost in range (USD)'];
  const lines: CsvCell[][] = report.models.map((m) => [
    m.email,
    m.userId,
    report.from,
    report.to,
    m.kind,
    m.model,
    m.label,
    m.charged,
    usd(m.costMicros),
  ]);
  return toCsv([header, ...lines]);
}

/** A file name for the export: `usage-2026-11-01-to-2026-11-30.csv` (`usage-by-model-…` for the split). */
export function usageCsvFileName(from: string, to: string, byModel = false): string {
  return `usage-${byModel ? 'by-model-' : ''}${from}-to-${to}.csv`;
}
