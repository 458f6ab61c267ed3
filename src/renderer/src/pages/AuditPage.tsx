import { useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { AUDIT_ACTION_FILTERS } from '../../../shared/domain/audit';
import { formatDateTime } from '../components/format';
import { formatDetails } from '../components/formatDetails';
import { type AuditFilters, useAuditLog } from '../queries/audit';
import { useUsers } from '../queries/users';
import styles from './AuditPage.module.css';

/** Local calendar day → epoch ms (start of the day, or its last millisecond). */
function dayBound(value: string, end: boolean): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return end ? new Date(y, m - 1, d + 1).getTime() - 1 : new Date(y, m - 1, d).getTime();
}

/** Admin → Audit log: entries about the admin and the accounts they manage, newest first. */
export function AuditPage() {
  const [action, setAction] = useState('');
  const [userId, setUserId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filters: AuditFilters = {
    limit: 50,
    ...(action ? { action } : {}),
    ...(userId ? { userId } : {}),
    ...(from ? { from: dayBound(from, false) } : {}),
    ...(to ? { to: dayBound(to, true) } : {}),
  };
  const log = useAuditLog(filters);
  const people = useUsers({ limit: 500 });
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="page" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <div className="filters" role="search" aria-label="Filter the audit log">
        <label htmlFor="audit-action">Action</label>
        <select id="audit-action" value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">All actions</option>
          {AUDIT_ACTION_FILTERS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label htmlFor="audit-user">Account</label>
        <select id="audit-user" value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">Everyone I manage</option>
          {(people.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.email}
            </option>
          ))}
        </select>
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      {log.isError && (
        <p className="form-error" role="alert">
          {isStudioError(log.error) ? log.error.message : 'The audit log could not be loaded.'}
        </p>
      )}
      <table className="data-table" aria-label="Audit entries" aria-busy={log.isFetching}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">By</th>
            <th scope="col">Account</th>
            <th scope="col">Details</th>
            <th scope="col">Workstation</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.actor?.email ?? '—'}</td>
              <td>{e.target?.email ?? '—'}</td>
              <td className={styles.details}>{formatDetails(e.details)}</td>
              <td>
                {e.workstation ? `${e.workstation.hostName} (${e.workstation.osUser}${e.workstation.ipv4 ? `, ${e.workstation.ipv4}` : ''})` : '—'}
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
    </section>
  );
}
