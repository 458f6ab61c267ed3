import type { UserListItem, UserSummary } from '../../../../shared/contract/routes/users';
import { ACCOUNT_STATUS_LABELS } from '../../../../shared/domain/accounts';
import { formatDateTime } from '../../components/format';
import type { ConfirmAction } from './confirmText';
import { UserRowActions } from './UserRowActions';
import styles from './UsersTable.module.css';

/** The accounts shown, with selection (never oneself) and each row's actions. */
export function UsersTable({
  items,
  loading,
  selected,
  onSelect,
  onAsk,
  onQuotas,
  onShare,
  onDelete,
  onError,
}: {
  items: UserListItem[];
  loading: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: Set<string>) => void;
  onAsk: (action: ConfirmAction, user: UserListItem) => void;
  onQuotas: (user: UserSummary) => void;
  onShare: (user: UserSummary) => void;
  onDelete: (user: UserSummary) => void;
  onError: (error: unknown) => void;
}) {
  const selectable = items.filter((u) => !u.isSelf);
  const allChosen = selectable.length > 0 && selectable.every((u) => selected.has(u.id));
  const toggle = (id: string) => onSelect(selected.has(id) ? new Set([...selected].filter((x) => x !== id)) : new Set([...selected, id]));
  return (
    <table className="data-table" aria-label="Accounts" aria-busy={loading}>
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select all accounts shown"
              checked={allChosen}
              onChange={() => onSelect(allChosen ? new Set() : new Set(selectable.map((u) => u.id)))}
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
              {u.signedInNow && <span className="muted"> · signed in now</span>}
            </td>
            <td>{u.managers.map((m) => m.email).join(', ') || '—'}</td>
            <td>{formatDateTime(u.lastLoginAt)}</td>
            <td>
              <button type="button" onClick={() => onQuotas(u)} aria-label={`Quotas of ${u.email}`}>
                Quotas
              </button>
              <UserRowActions
                user={u}
                onAsk={(action) => onAsk(action, u)}
                onShare={() => onShare(u)}
                onDelete={() => onDelete(u)}
                onError={onError}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
