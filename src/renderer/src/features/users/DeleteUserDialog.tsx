import { type FormEvent, useState } from 'react';
import type { UserSummary } from '../../../../shared/contract/routes/users';
import { Modal } from '../../components/Modal';
import { useDeleteUser } from '../../queries/users';
import { FormError } from '../auth/FormError';
import { useReturnFocus } from './useReturnFocus';

/** Deleting asks what happens to the person's media (docs/accounts.md); there is no default. */
export function DeleteUserDialog({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  useReturnFocus();
  const [media, setMedia] = useState<'delete' | 'transfer' | null>(null);
  const remove = useDeleteUser();

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (media) remove.mutate({ userId: user.id, media }, { onSuccess: onClose });
  }

  return (
    <Modal title={`Delete ${user.email}`} onClose={onClose}>
      <form onSubmit={submit}>
        <p>The account is removed for good and signed out everywhere.</p>
        <fieldset>
          <legend>Their images and videos</legend>
          <label className="inline">
            <input type="radio" name="media" required checked={media === 'delete'} onChange={() => setMedia('delete')} /> Delete them (files and
            records)
          </label>
          <label className="inline">
            <input type="radio" name="media" checked={media === 'transfer'} onChange={() => setMedia('transfer')} /> Transfer them to me
          </label>
        </fieldset>
        <FormError error={remove.error} />
        <div className="form-actions">
          <button type="submit" className="danger" disabled={!media || remove.isPending}>
            Delete account
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
