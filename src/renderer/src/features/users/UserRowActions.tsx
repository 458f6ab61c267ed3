import type { UserSummary } from '../../../../shared/contract/routes/users';
import { useUnlock, useUpdateUser } from '../../queries/users';
import type { ConfirmAction } from './confirmText';
import styles from './UserRowActions.module.css';

/**
 * The actions on one account, in a disclosure so the table stays readable; each button names the
 * account in its accessible name ("Deactivate kim@…"), since many rows have the same buttons.
 * What can hurt (reset, deactivate, demote) only asks (`onAsk`); the page confirms and runs it.
 */
export function UserRowActions({
  user,
  onAsk,
  onShare,
  onDelete,
  onError,
}: {
  user: UserSummary;
  onAsk: (action: ConfirmAction) => void;
  onShare: () => void;
  onDelete: () => void;
  onError: (error: unknown) => void;
}) {
  const update = useUpdateUser();
  const unlock = useUnlock();
  const busy = update.isPending || unlock.isPending;
  if (user.isSelf) return <span className="muted">You</span>;
  return (
    <details className={styles.actions}>
      <summary aria-label={`Actions for ${user.email}`}>Actions</summary>
      <div className={styles.menu}>
        <button
          type="button"
          disabled={busy}
          aria-label={`${user.role === 'admin' ? 'Make user' : 'Make admin'}: ${user.email}`}
          onClick={() => (user.role === 'admin' ? onAsk('demote') : update.mutate({ userId: user.id, role: 'admin' }, { onError }))}
        >
          {user.role === 'admin' ? 'Make user…' : 'Make admin'}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={`${user.isActive ? 'Deactivate' : 'Reactivate'} ${user.email}`}
          onClick={() => (user.isActive ? onAsk('deactivate') : update.mutate({ userId: user.id, isActive: true }, { onError }))}
        >
          {user.isActive ? 'Deactivate…' : 'Reactivate'}
        </button>
        <button type="button" aria-label={`Reset password of ${user.email}`} onClick={() => onAsk('reset')}>
          Reset password…
        </button>
        {user.status === 'locked' && (
          <button type="button" disabled={busy} aria-label={`Unlock ${user.email}`} onClick={() => unlock.mutate(user.id, { onError })}>
            Unlock
          </button>
        )}
        <button type="button" aria-label={`Share ${user.email} with another admin`} onClick={onShare}>
          Share…
        </button>
        <button type="button" className="danger" aria-label={`Delete ${user.email}`} onClick={onDelete}>
          Delete…
        </button>
      </div>
    </details>
  );
}
