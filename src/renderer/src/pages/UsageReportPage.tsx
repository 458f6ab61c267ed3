import { useId, useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { formatLocalDate } from '../../../shared/domain/localDates';
import { QUOTA_KIND_NOUNS, QUOTA_PERIOD_LABELS, quotaLevel } from '../../../shared/domain/quotaStatus';
import { usageCsvFileName, usageReportCsv } from '../../../shared/domain/usageCsv';
import { useUsageReport } from '../queries/quotas';
import { downloadCsv } from '../features/quotas/downloadCsv';
import { levelWords } from '../features/quotas/quotaText';
import styles from './UsageReportPage.module.css';

/** Today and the first of this month on this machine's calendar (the workstation's, as main's). */
function thisMonthSoFar(): { from: string; to: string } {
  const now = new Date();
  const today = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  return { from: formatLocalDate({ ...today, day: 1 }), to: formatLocalDate(today) };
}

/**
 * Admin usage report (docs/quotas.md): for the admin and each user they manage, every kind's current
 * used/limit and what was charged between two dates; exportable as CSV.
 */
export function UsageReportPage() {
  const [draft, setDraft] = useState(thisMonthSoFar);
  const [range, setRange] = useState(draft);
  const report = useUsageReport(range);
  const headingId = useId();
  const rangeInvalid = !draft.from || !draft.to || draft.from > draft.to;

  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId}>Usage report</h1>
      <form
        className={styles.range}
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
        <button
          type="button"
          disabled={!report.data || report.data.rows.length === 0}
          onClick={() => report.data && downloadCsv(usageCsvFileName(report.data.from, report.data.to), usageReportCsv(report.data))}
        >
          Export CSV
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
        <table className={styles.table}>
          <caption>
            Current period usage, and units charged from {report.data.from} to {report.data.to} ({report.data.timeZone})
          </caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Kind</th>
              <th scope="col">Policy</th>
              <th scope="col">Used this period</th>
              <th scope="col">Resets</th>
              <th scope="col">Charged in range</th>
            </tr>
          </thead>
          <tbody>
            {report.data.rows.map((r) => {
              const level = quotaLevel(r);
              return (
                <tr key={`${r.userId}-${r.kind}`} data-level={level}>
                  <th scope="row">{r.email}</th>
                  <td>{QUOTA_KIND_NOUNS[r.kind].title}</td>
                  <td>{r.period === 'unlimited' ? 'Unlimited' : `${r.limit} ${QUOTA_PERIOD_LABELS[r.period]}`}</td>
                  <td>
                    {r.period === 'unlimited' ? r.used : `${r.used} / ${r.limit}`}
                    {levelWords(r) && <span className="badge"> {levelWords(r)}</span>}
                  </td>
                  <td>{r.period === 'unlimited' ? '—' : (r.resetsAtLabel ?? 'Does not reset')}</td>
                  <td>{r.committedInRange}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
