import { useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import type { UserSummary } from '../../../shared/contract/routes/users';
import { ACCOUNT_STATUSES, ACCOUNT_STATUS_LABELS, type AccountStatus } from '../../../shared/domain/accounts';
import { formatDateTime } from '../components/format';
import { Modal } from '../components/Modal';
import { QuotaEditor } from '../features/quotas';
import { DeleteUserDialog } from '../features/users/DeleteUserDialog';
import { InviteDialog } from '../features/users/InviteDialog';
import { type IssuedCode, SetupCodeList } from '../features/users/SetupCodeList';
import { ShareDialog } from '../features/users/ShareDialog';
import { UserRowActions } from '../features/users/UserRowActions';
import { useBatchActions } from '../features/users/useBatchActions';
import { useUsers } from '../queries/users';
import styles from './UsersPage.module.css';

type Dialog =
  | { kind: 'invite' }
  | { kind: 'codes'; codes: IssuedCode[] }
  | { kind: 'share'; user: UserSummary }
  | { kind: 'delete'; user: UserSummary }
  | { kind: 'quotas'; users: UserSummary[] }
  | null;

/** Admin → Users: the admin's own account and the accounts they manage (main enforces the scope). */
export function UsersPage() {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<AccountStatus | ''>('');
  const [role, setRole] = useState<'user' | 'admin' | ''>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const users = useUsers({ query: query || undefined, status: status || undefined, role: role || undefined, limit: 500 });
  const showCodes = (codes: IssuedCode[]) => setDialog({ kind: 'codes', codes });
  const batch = useBatchActions(showCodes);

  const items = users.data?.items ?? [];
  const selectable = items.filter((u) => !u.isSelf);
  const chosen = selectable.filter((u) => selected.has(u.id));
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const onError = (error: unknown) => setActionError(isStudioError(error) ? error.message : 'Unexpected problem. Try again.');

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">Users</h1>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'invite' })}>
          Invite people
        </button>
      </div>
      <div className="filters" role="search" aria-label="Filter users">
        <label htmlFor="users-search">Search by email</label>
        <input id="users-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor="users-status">Status</label>
        <select id="users-status" value={status} onChange={(e) => setStatus(e.target.value as AccountStatus | '')}>
          <option value="">Any status</option>
          {ACCOUNT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACCOUNT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label htmlFor="users-role">Role</label>
        <select id="users-role" value={role} onChange={(e) => setRole(e.target.value as 'user' | 'admin' | '')}>
          <option value="">Any role</option>
          <option value="user">User</option>
          <option value="admin">Admin</option>
        </select>
      </div>

      {chosen.length > 0 && (
        <div className={styles.batchBar} role="region" aria-label="Selected accounts">
          <span>{chosen.length} selected</span>
          <button type="button" disabled={batch.running} onClick={() => void batch.run('deactivate', chosen)}>
            Deactivate selected
          </button>
          <button type="button" disabled={batch.running} onClick={() => void batch.run('reactivate', chosen)}>
            Reactivate selected
          </button>
          <button type="button" disabled={batch.running} onClick={() => void batch.run('reset', chosen)}>
            Reset passwords of selected
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'quotas', users: chosen })}>
            Set quotas of selected
          </button>
        </div>
      )}
      {batch.failures.length > 0 && (
        <ul className="form-error" role="alert" aria-label="Accounts not changed">
          {batch.failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {actionError && (
        <p className="form-error" role="alert">
          {actionError}{' '}
          <button type="button" className="link" onClick={() => setActionError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {users.isError && (
        <p className="form-error" role="alert">
          {isStudioError(users.error) ? users.error.message : 'The list could not be loaded.'}
        </p>
      )}

      <table className="data-table" aria-label="Accounts" aria-busy={users.isFetching}>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all accounts shown"
                checked={allChosen}
                onChange={() => setSelected(allChosen ? new Set() : new Set(selectable.map((u) => u.id)))}
              />
            </th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Managed by</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((u) => (
            <tr key={u.id}>
              <td>
                {!u.isSelf && <input type="checkbox" aria-label={`Select ${u.email}`} checked={selected.has(u.id)} onChange={() => toggle(u.id)} />}
              </td>
              <td>{u.email}</td>
              <td>{u.role === 'admin' ? 'Admin' : 'User'}</td>
              <td>
                <span className={styles.status} data-status={u.status}>
                  {ACCOUNT_STATUS_LABELS[u.status]}
                </span>
                {u.lockedUntil ? <span className="muted"> until {formatDateTime(u.lockedUntil)}</span> : null}
              </td>
              <td>{u.managers.map((m) => m.email).join(', ') || '—'}</td>
              <td>{formatDateTime(u.lastLoginAt)}</td>
              <td>
                <button type="button" onClick={() => setDialog({ kind: 'quotas', users: [u] })} aria-label={`Quotas of ${u.email}`}>
                  Quotas
                </button>
                <UserRowActions
                  user={u}
                  onCodes={showCodes}
                  onShare={() => setDialog({ kind: 'share', user: u })}
                  onDelete={() => setDialog({ kind: 'delete', user: u })}
                  onError={onError}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" aria-live="polite">
        {users.data ? `${users.data.total} account(s)` : 'Loading…'}
      </p>

      {dialog?.kind === 'invite' && <InviteDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'codes' && (
        <Modal title="New setup codes" onClose={() => setDialog(null)} wide>
          <SetupCodeList codes={dialog.codes} />
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => setDialog(null)}>
              Done
            </button>
          </div>
        </Modal>
      )}
      {dialog?.kind === 'share' && <ShareDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'quotas' && (
        <Modal
          title={dialog.users.length === 1 ? `Quotas of ${dialog.users[0]!.email}` : `Quotas of ${dialog.users.length} accounts`}
          onClose={() => setDialog(null)}
          wide
        >
          <QuotaEditor userIds={dialog.users.map((u) => u.id)} onSaved={() => setDialog(null)} />
        </Modal>
      )}
      {dialog?.kind === 'delete' && <DeleteUserDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </section>
  );
}
