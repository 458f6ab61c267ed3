import { useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import type { UserListItem, UserSummary } from '../../../shared/contract/routes/users';
import { Modal } from '../components/Modal';
import { ModelAccessEditor } from '../features/modelAccess/ModelAccessEditor';
import { QuotaEditor } from '../features/quotas';
import { BatchBar } from '../features/users/BatchBar';
import { ConfirmAccountAction } from '../features/users/ConfirmAccountAction';
import type { ConfirmAction } from '../features/users/confirmText';
import { DeleteUserDialog } from '../features/users/DeleteUserDialog';
import { InviteDialog } from '../features/users/InviteDialog';
import { quotaSavedText } from '../features/users/quotaSavedText';
import type { IssuedCode } from '../features/users/issuedCode';
import { SetupCodesDialog } from '../features/users/SetupCodesDialog';
import { ShareDialog } from '../features/users/ShareDialog';
import { UserFilters, type UserFilterValues } from '../features/users/UserFilters';
import { UsersTable } from '../features/users/UsersTable';
import { useBatchActions } from '../features/users/useBatchActions';
import { useReturnFocus } from '../features/users/useReturnFocus';
import { useUsers } from '../queries/users';
import { plural } from '../../../shared/domain/plural';

type Dialog =
  | { kind: 'invite' }
  | { kind: 'confirm'; action: ConfirmAction; users: UserListItem[] }
  | { kind: 'codes'; codes: IssuedCode[] }
  | { kind: 'share'; user: UserSummary }
  | { kind: 'delete'; user: UserSummary }
  | { kind: 'quotas'; users: UserSummary[] }
  | null;

/** Admin → Users: the admin's own account and the accounts they manage (main enforces the scope). */
export function UsersPage() {
  const [filters, setFilters] = useState<UserFilterValues>({ query: '', status: '', role: '' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const users = useUsers({ query: filters.query || undefined, status: filters.status || undefined, role: filters.role || undefined, limit: 500 });
  const batch = useBatchActions((codes) => setDialog({ kind: 'codes', codes }));

  const items = users.data?.items ?? [];
  const chosen = items.filter((u) => !u.isSelf && selected.has(u.id));
  const onError = (error: unknown) => setActionError(isStudioError(error) ? error.message : 'Unexpected problem. Try again.');
  // one batch at a time; the buttons stay enabled so focus can return to them after a confirmation
  const ask = (action: ConfirmAction, who: UserListItem[]) => !batch.running && setDialog({ kind: 'confirm', action, users: who });
  const close = () => setDialog(null);

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page-head">
        <h1 id="users-title">Users</h1>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'invite' })}>
          Invite people
        </button>
      </div>
      <UserFilters value={filters} onChange={setFilters} />
      <BatchBar chosen={chosen} onAsk={(action) => ask(action, chosen)} onQuotas={() => setDialog({ kind: 'quotas', users: chosen })} />
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
      <p role="status">{notice}</p>
      {users.isError && (
        <p className="form-error" role="alert">
          {isStudioError(users.error) ? users.error.message : 'The list could not be loaded.'}
        </p>
      )}

      <UsersTable
        items={items}
        loading={users.isFetching}
        selected={selected}
        onSelect={setSelected}
        onAsk={(action, u) => ask(action, [u])}
        onQuotas={(u) => setDialog({ kind: 'quotas', users: [u] })}
        onShare={(u) => setDialog({ kind: 'share', user: u })}
        onDelete={(u) => setDialog({ kind: 'delete', user: u })}
        onError={onError}
      />
      <p className="muted" aria-live="polite">
        {users.data ? plural(users.data.total, 'account', 'accounts') : 'Loading…'}
      </p>

      {dialog?.kind === 'invite' && <InviteDialog onClose={close} />}
      {dialog?.kind === 'confirm' && (
        <ConfirmAccountAction
          action={dialog.action}
          users={dialog.users}
          onCancel={close}
          onConfirm={() => {
            close();
            setNotice(null);
            void batch.run(dialog.action, dialog.users);
          }}
        />
      )}
      {dialog?.kind === 'codes' && <SetupCodesDialog codes={dialog.codes} onClose={close} />}
      {dialog?.kind === 'share' && <ShareDialog user={dialog.user} onClose={close} />}
      {dialog?.kind === 'quotas' && (
        <QuotasDialog
          users={dialog.users}
          onClose={close}
          onSaved={(text) => {
            setNotice(text);
            close();
          }}
        />
      )}
      {dialog?.kind === 'delete' && <DeleteUserDialog user={dialog.user} onClose={close} />}
    </section>
  );
}

function QuotasDialog({ users, onClose, onSaved }: { users: UserSummary[]; onClose: () => void; onSaved: (text: string) => void }) {
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
