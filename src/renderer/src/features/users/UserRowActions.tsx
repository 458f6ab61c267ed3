import type { UserSummary } from '../../../../shared/contract/routes/users';
import { useResetPassword, useUnlock, useUpdateUser } from '../../queries/users';
import type { IssuedCode } from './SetupCodeList';
import styles from './UserRowActions.module.css';

/**
 * The actions on one account, in a disclosure so the table stays readable; each button names the
 * account in its accessible name ("Deactivate kim@…"), since many rows have the same buttons.
 */
export function UserRowActions({
  user,
  onCodes,
  onShare,
  onDelete,
  onError,
}: {
  user: UserSummary;
  onCodes: (codes: IssuedCode[]) => void;
  onShare: () => void;
  onDelete: () => void;
  onError: (error: unknown) => void;
}) {
  const update = useUpdateUser();
  const reset = useResetPassword();
  const unlock = useUnlock();
  const busy = update.isPending || reset.isPending || unlock.isPending;
  if (user.isSelf) return <span className="muted">You</span>;
  return (
    <details className={styles.actions}>
      <summary aria-label={`Actions for ${user.email}`}>Actions</summary>
      <div className={styles.menu}>
        <button
          type="button"
          disabled={busy}
          aria-label={`${user.role === 'admin' ? 'Make user' : 'Make admin'}: ${user.email}`}
          onClick={() => update.mutate({ userId: user.id, role: user.role === 'admin' ? 'user' : 'admin' }, { onError })}
        >
          {user.role === 'admin' ? 'Make user' : 'Make admin'}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={`${user.isActive ? 'Deactivate' : 'Reactivate'} ${user.email}`}
          onClick={() => update.mutate({ userId: user.id, isActive: !user.isActive }, { onError })}
        >
          {user.isActive ? 'Deactivate' : 'Reactivate'}
        </button>
        <button
          type="button"
          disabled={busy}
          aria-label={`Reset password of ${user.email}`}
          onClick={() => reset.mutate(user.id, { onSuccess: (r) => onCodes([{ email: r.email, code: r.code, expiresAt: r.expiresAt }]), onError })}
        >
          Reset password
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
