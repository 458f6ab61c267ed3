import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { auditCsv } from '../../../shared/domain/auditCsv';
import { AUDIT_ACTION_GROUPS, auditSentence } from '../../../shared/domain/auditSentences';
import { formatDateTime } from '../components/format';
import { formatDetails } from '../components/formatDetails';
import { downloadCsv } from '../features/quotas/downloadCsv';
import { type AuditFilters, fetchAllAudit, useAuditLog } from '../queries/audit';
import { DateRangeFilter, PersonFilter } from '../features/records/RecordFilters';
import records from '../features/records/records.module.css';
import styles from './AuditPage.module.css';

/** Local calendar day → epoch ms (start of the day, or its last millisecond). */
function dayBound(value: string, end: boolean): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return end ? new Date(y, m - 1, d + 1).getTime() - 1 : new Date(y, m - 1, d).getTime();
}

/** Generation attempts have their own record; choosing them here points there. */
const GENERATION_GROUP = 'generation';
const sentenceContext = { time: (ms: number) => formatDateTime(ms) };

/**
 * Admin → Audit log (docs/records.md): entries about the admin and the accounts they manage, newest
 * first, each as a sentence naming people by email; the raw action and details are folded behind a
 * disclosure and exported in full to CSV.
 */
export function AuditPage() {
  const navigate = useNavigate();
  const [action, setAction] = useState('');
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exportState, setExportState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const generation = action === GENERATION_GROUP;
  const filters: AuditFilters = {
    limit: 50,
    ...(action && !generation ? { action } : {}),
    ...(userId ? { userId } : {}),
    ...(from ? { from: dayBound(from, false) } : {}),
    ...(to ? { to: dayBound(to, true) } : {}),
  };
  const log = useAuditLog(filters, !generation);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  const exportCsv = async () => {
    setExportState({ busy: true, message: null });
    try {
      const { items, complete } = await fetchAllAudit(filters);
      downloadCsv(`audit-${new Date().toISOString().slice(0, 10)}.csv`, auditCsv(items));
      setExportState({
        busy: false,
        message: complete ? `Exported ${items.length} entries.` : `Exported the newest ${items.length} entries; narrow the dates for the rest.`,
      });
    } catch (error) {
      setExportState({ busy: false, message: isStudioError(error) ? error.message : 'The export failed.' });
    }
  };

  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div className={`filters ${records.filters}`} role="search" aria-label="Filter the audit log">
        <label>
          Show
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">Everything</option>
            {AUDIT_ACTION_GROUPS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
            <option value={GENERATION_GROUP}>Generation</option>
          </select>
        </label>
        <PersonFilter label="Account" value={userId} onChange={setUserId} />
        <DateRangeFilter from={from} to={to} onFrom={setFrom} onTo={setTo} />
        <button
          type="button"
          className={styles.export}
          disabled={generation || exportState.busy || entries.length === 0}
          onClick={() => void exportCsv()}
        >
          {exportState.busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      <p className={styles.status} role="status">
        {exportState.message}
      </p>
      {generation ? (
        <div className="notice">
          <p>Generation attempts — including blocked prompts — are recorded in the Generation log, with the prompt, outcome and charge.</p>
          <button type="button" className="primary" onClick={() => void navigate({ to: '/admin/generations' })}>
            Open the Generation log
          </button>
        </div>
      ) : (
        <>
          {log.isError && (
            <p className="form-error" role="alert">
              {isStudioError(log.error) ? log.error.message : 'The audit log could not be loaded.'}
            </p>
          )}
          <table className={`data-table ${styles.table}`} aria-label="Audit entries" aria-busy={log.isFetching}>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">What happened</th>
                <th scope="col">Workstation</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className={styles.time}>{formatDateTime(e.at)}</td>
                  <td>
                    <p className={styles.sentence}>{auditSentence(e, sentenceContext)}</p>
                    <details className={records.more}>
                      <summary>Details</summary>
                      <dl className={records.facts}>
                        <dt>Action</dt>
                        <dd>
                          <code>{e.action}</code>
                        </dd>
                        {e.actor && (
                          <>
                            <dt>By</dt>
                            <dd>
                              {e.actor.email} <code>{e.actor.id}</code>
                            </dd>
                          </>
                        )}
                        {e.target && (
                          <>
                            <dt>About</dt>
                            <dd>
                              {e.target.email} <code>{e.target.id}</code>
                            </dd>
                          </>
                        )}
                        {e.details && (
                          <>
                            <dt>Recorded</dt>
                            <dd>
                              <code>{formatDetails(e.details)}</code>
                            </dd>
                          </>
                        )}
                      </dl>
                    </details>
                  </td>
                  <td className={styles.workstation}>
                    {e.workstation
                      ? `${e.workstation.hostName} (${e.workstation.osUser}${e.workstation.ipv4 ? `, ${e.workstation.ipv4}` : ''})`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length === 0 && !log.isPending && <p className="muted">No entries match.</p>}
          {log.hasNextPage && (
            <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
