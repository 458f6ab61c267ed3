import { useId, useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { addDays, formatLocalDate, type LocalDate } from '../../../shared/domain/localDates';
import { usageByModelCsv, usageCsvFileName, usageReportCsv } from '../../../shared/domain/usageCsv';
import { useUsageReport } from '../queries/quotas';
import { downloadCsv } from '../features/quotas/downloadCsv';
import { UsageChart } from '../features/records/UsageChart';
import { UsageByModel, UsagePeopleTable } from '../features/records/UsageTables';
import styles from './UsageReportPage.module.css';

/** Today on this machine's calendar: the renderer runs on the workstation, so its calendar is main's. */
function today(): LocalDate {
  const now = new Date();
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const PRESETS: { label: string; range: () => { from: string; to: string } }[] = [
  { label: 'This month', range: () => ({ from: formatLocalDate({ ...today(), day: 1 }), to: formatLocalDate(today()) }) },
  { label: 'Last 7 days', range: () => ({ from: formatLocalDate(addDays(today(), -6)), to: formatLocalDate(today()) }) },
  { label: 'Last 30 days', range: () => ({ from: formatLocalDate(addDays(today(), -29)), to: formatLocalDate(today()) }) },
];

/**
 * Admin usage report (docs/records.md): one row per person with the units each kind charged between
 * two local dates, their cost and the current period's used / limit, a totals line, the split per
 * model, a chart per day, and a CSV with ISO dates.
 */
export function UsageReportPage() {
  const [draft, setDraft] = useState(PRESETS[0]!.range);
  const [range, setRange] = useState(draft);
  const report = useUsageReport(range);
  const headingId = useId();
  const rangeInvalid = !draft.from || !draft.to || draft.from > draft.to;

  return (
    <section className="page" aria-labelledby={headingId}>
      <h1 id={headingId}>Usage report</h1>
      <form
        className={styles.range}
        aria-label="Date range"
        onSubmit={(e) => {
          e.preventDefault();
          if (!rangeInvalid) setRange(draft);
        }}
      >
        <label>
          From
          <input type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => setDraft({ ...draft, from: e.target.value })} required />
        </label>
        <label>
          To
          <input type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required />
        </label>
        <button type="submit" className="primary" disabled={rangeInvalid}>
          Show
        </button>
        <span className={styles.presets}>
          {PRESETS.map((p) => (
            <button
              key={p.label}
              type="button"
              className="link"
              onClick={() => {
                const next = p.range();
                setDraft(next);
                setRange(next);
              }}
            >
              {p.label}
            </button>
          ))}
        </span>
        <button
          type="button"
          className={styles.export}
          disabled={!report.data || report.data.people.length === 0}
          onClick={() => report.data && downloadCsv(usageCsvFileName(report.data.from, report.data.to), usageReportCsv(report.data))}
        >
          Export CSV
        </button>
        <button
          type="button"
          disabled={!report.data || report.data.models.length === 0}
          onClick={() => report.data && downloadCsv(usageCsvFileName(report.data.from, report.data.to, true), usageByModelCsv(report.data))}
        >
          Export per model
        </button>
      </form>
      {rangeInvalid && (
        <p className="form-error" role="alert">
          Choose a start date on or before the end date.
        </p>
      )}
      {report.isPending && <p aria-busy="true">Loading the report…</p>}
      {report.isError && (
        <p className="form-error" role="alert">
          {isStudioError(report.error) ? report.error.message : 'The report could not be loaded.'}
        </p>
      )}
      {report.data && (
        <>
          <UsagePeopleTable report={report.data} />
          <UsageByModel report={report.data} />
          <UsageChart days={report.data.days} />
        </>
      )}
    </section>
  );
}
