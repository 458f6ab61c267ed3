import type { UserSummary } from '../../../../shared/contract/routes/users';
import { Modal } from '../../components/Modal';
import { ModelAccessEditor } from '../modelAccess/ModelAccessEditor';
import { QuotaEditor } from '../quotas';
import { quotaSavedText } from './quotaSavedText';
import { useReturnFocus } from './useReturnFocus';

/** Quotas and model access of one account or of a selection, each saved on its own; `onSaved` gets what changed, in words. */
export function QuotasDialog({ users, onClose, onSaved }: { users: UserSummary[]; onClose: () => void; onSaved: (text: string) => void }) {
  useReturnFocus();
  return (
    <Modal title={users.length === 1 ? `Quotas of ${users[0]!.email}` : `Quotas of ${users.length} accounts`} onClose={onClose} wide>
      <QuotaEditor
        userIds={users.map((u) => u.id)}
        onSaved={(policies) =>
          onSaved(
            quotaSavedText(
              users.map((u) => u.email),
              policies,
            ),
          )
        }
      />
      <ModelAccessEditor userIds={users.map((u) => u.id)} onSaved={onSaved} />
    </Modal>
  );
}
