import { type FormEvent, useState } from 'react';
import type { UserSummary } from '../../../../shared/contract/routes/users';
import { Modal } from '../../components/Modal';
import { useShare, useUnshare } from '../../queries/users';
import { FormError } from '../auth/FormError';
import { ConfirmDialog } from './ConfirmDialog';
import styles from './ShareDialog.module.css';
import { useReturnFocus } from './useReturnFocus';

/** Who manages this account; share it with another admin by email, or stop sharing (asked first). */
export function ShareDialog({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  useReturnFocus();
  const [unsharing, setUnsharing] = useState<UserSummary['managers'][number] | null>(null);
  const [adminEmail, setAdminEmail] = useState('');
  const share = useShare();
  const unshare = useUnshare();
  const [managers, setManagers] = useState(user.managers);

  function submit(event: FormEvent): void {
    event.preventDefault();
    share.mutate({ userId: user.id, adminEmail }, { onSuccess: (r) => (setManagers(r.user.managers), setAdminEmail('')) });
  }

  return (
    <>
      <Modal title={`Admins of ${user.email}`} onClose={onClose}>
        <ul className={styles.managers} aria-label="Managing admins">
          {managers.map((m) => (
            <li key={m.id}>
              {m.email}{' '}
              <button
                type="button"
                className="link danger"
                disabled={managers.length <= 1 || unshare.isPending}
                aria-label={`Stop sharing with ${m.email}`}
                onClick={() => setUnsharing(m)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <p className="hint">An account always keeps at least one managing admin.</p>
        <form onSubmit={submit}>
          <label htmlFor="share-admin-email">Share with admin (email)</label>
          <input id="share-admin-email" type="email" required value={adminEmail} onChange={(e) => setAdminEmail(e.target.value)} />
          <FormError error={share.error ?? unshare.error} />
          <div className="form-actions">
            <button type="submit" className="primary" disabled={share.isPending}>
              Share
            </button>
            <button type="button" onClick={onClose}>
              Done
            </button>
          </div>
        </form>
      </Modal>
      {unsharing && (
        <ConfirmDialog
          title={`Stop sharing ${user.email} with ${unsharing.email}?`}
          confirmLabel="Stop sharing"
          onCancel={() => setUnsharing(null)}
          onConfirm={() => {
            const m = unsharing;
            setUnsharing(null);
            unshare.mutate({ userId: user.id, adminEmail: m.email }, { onSuccess: () => setManagers((ms) => ms.filter((x) => x.id !== m.id)) });
          }}
        >
          <p>
            {unsharing.email} will no longer see or manage {user.email}: not their account, quotas, work or audit entries. The other admins of{' '}
            {user.email} keep managing them.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
