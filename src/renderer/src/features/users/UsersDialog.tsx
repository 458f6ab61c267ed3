import type { UserListItem, UserSummary } from '../../../../shared/contract/routes/users';
import { ConfirmAccountAction } from './ConfirmAccountAction';
import type { ConfirmAction } from './confirmText';
import { DeleteUserDialog } from './DeleteUserDialog';
import { InviteDialog } from './InviteDialog';
import type { IssuedCode } from './issuedCode';
import { QuotasDialog } from './QuotasDialog';
import { SetupCodesDialog } from './SetupCodesDialog';
import { ShareDialog } from './ShareDialog';

/** The one dialog the Users page shows at a time, if any. */
export type UsersDialogState =
  | { kind: 'invite' }
  | { kind: 'confirm'; action: ConfirmAction; users: UserListItem[] }
  | { kind: 'codes'; codes: IssuedCode[] }
  | { kind: 'share'; user: UserSummary }
  | { kind: 'delete'; user: UserSummary }
  | { kind: 'quotas'; users: UserSummary[] }
  | null;

/**
 * Shows the Users page's dialog: a confirmed account action goes to `onConfirmed` (the page runs
 * it as a batch), saved quotas come back as a sentence for the page's notice line.
 */
export function UsersDialog({
  dialog,
  onClose,
  onConfirmed,
  onQuotasSaved,
}: {
  dialog: UsersDialogState;
  onClose: () => void;
  onConfirmed: (action: ConfirmAction, users: UserListItem[]) => void;
  onQuotasSaved: (text: string) => void;
}) {
  switch (dialog?.kind) {
    case 'invite':
      return <InviteDialog onClose={onClose} />;
    case 'confirm':
      return (
        <ConfirmAccountAction
          action={dialog.action}
          users={dialog.users}
          onCancel={onClose}
          onConfirm={() => onConfirmed(dialog.action, dialog.users)}
        />
      );
    case 'codes':
      return <SetupCodesDialog codes={dialog.codes} onClose={onClose} />;
    case 'share':
      return <ShareDialog user={dialog.user} onClose={onClose} />;
    case 'quotas':
      return <QuotasDialog users={dialog.users} onClose={onClose} onSaved={onQuotasSaved} />;
    case 'delete':
      return <DeleteUserDialog user={dialog.user} onClose={onClose} />;
    default:
      return null;
  }
}
