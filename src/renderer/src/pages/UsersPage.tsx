import { useCallback, useMemo, useState } from 'react';
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
import { type SortState, UsersTable } from '../features/users/UsersTable';
import { useBatchActions } from '../features/users/useBatchActions';
import { useReturnFocus } from '../features/users/useReturnFocus';
import { type UsersFilters, fetchAllMatching, useUserPages } from '../queries/users';
import styles from './UsersPage.module.css';
import { plural } from '../../../shared/domain/plural';

type Dialog =
  | { kind: 'invite' }
  | { kind: 'confirm'; action: ConfirmAction; users: UserListItem[] }
  | { kind: 'codes'; codes: IssuedCode[] }
  | { kind: 'share'; user: UserSummary }
  | { kind: 'delete'; user: UserSummary }
  | { kind: 'quotas'; users: UserSummary[] }
  | null;

/**
 * Admin → Users: the admin's own account and the accounts they manage (main enforces the scope),
 * sorted, filtered and searched in main and read page by page into a virtual table, so thousands of
 * accounts stay quick. The selection is kept by id across pages and orders; "select all" takes every
 * account matching the filters, read from main.
 */
export function UsersPage() {
  const [filters, setFilters] = useState<UserFilterValues>({ query: '', status: '', role: '' });
  const [order, setOrder] = useState<SortState>({ sort: 'email', direction: 'asc' });
  const [selected, setSelected] = useState<ReadonlyMap<string, UserListItem>>(new Map());
  const [allMatchingKey, setAllMatchingKey] = useState<string | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: UsersFilters = {
    query: filters.query || undefined,
    status: filters.status || undefined,
    role: filters.role || undefined,
    sort: order.sort,
    direction: order.direction,
  };
  const matchKey = JSON.stringify([query.query, query.status, query.role]);
  const users = useUserPages(query);
  const batch = useBatchActions((codes) => setDialog({ kind: 'codes', codes }));

  const items = useMemo(() => users.data?.pages.flatMap((p) => p.items) ?? [], [users.data]);
  const total = users.data?.pages[0]?.total ?? 0;
  // the selection as last listed: a row loaded since (after a change) replaces its older copy
  const loaded = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  const chosen = [...selected.keys()].map((id) => loaded.get(id) ?? selected.get(id)!).filter((u) => !u.isSelf);
  const allMatchingSelected = allMatchingKey === matchKey && selected.size > 0;
  const onError = (error: unknown) => setActionError(isStudioError(error) ? error.message : 'Unexpected problem. Try again.');
  // one batch at a time; the buttons stay enabled so focus can return to them after a confirmation
  const ask = (action: ConfirmAction, who: UserListItem[]) => !batch.running && setDialog({ kind: 'confirm', action, users: who });
  const close = () => setDialog(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = users;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const toggle = (u: UserListItem) => {
    const next = new Map(selected);
    if (next.has(u.id)) next.delete(u.id);
    else next.set(u.id, u);
    setSelected(next);
    setAllMatchingKey(null);
  };
  async function toggleAll(): Promise<void> {
    if (allMatchingSelected) {
      setSelected(new Map());
      setAllMatchingKey(null);
      return;
    }
    setSelecting(true);
    try {
      const all = await fetchAllMatching({ query: query.query, status: query.status, role: query.role });
      setSelected(new Map(all.filter((u) => !u.isSelf).map((u) => [u.id, u])));
      setAllMatchingKey(matchKey);
    } catch (error) {
      onError(error);
    } finally {
      setSelecting(false);
    }
  }

  return (
    <section className={`page ${styles.page}`} aria-labelledby="users-title" data-fills-window>
      <div className="page-head">
        <h1 id="users-title">Users</h1>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'invite' })}>
          Invite people
        </button>
      </div>
      <UserFilters value={filters} onChange={setFilters} />
      <BatchBar
        chosen={chosen}
        selecting={selecting}
        onAsk={(action) => ask(action, chosen)}
        onQuotas={() => setDialog({ kind: 'quotas', users: chosen })}
        onClear={() => {
          setSelected(new Map());
          setAllMatchingKey(null);
        }}
      />
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
      <div className={styles.summary}>
        <p className="muted" aria-live="polite">
          {users.data ? plural(total, 'account', 'accounts') : 'Loading…'}
        </p>
        <p role="status" className={styles.notice}>
          {notice}
        </p>
      </div>

      <UsersTable
        listKey={JSON.stringify(query)}
        items={items}
        total={total}
        hasNextPage={hasNextPage}
        loadingMore={isFetchingNextPage}
        loadMore={loadMore}
        busy={users.isFetching}
        order={order}
        onOrder={setOrder}
        selected={selected}
        allMatchingSelected={allMatchingSelected}
        onToggle={toggle}
        onToggleAll={() => void toggleAll()}
        onAsk={(action, u) => ask(action, [u])}
        onQuotas={(u) => setDialog({ kind: 'quotas', users: [u] })}
        onShare={(u) => setDialog({ kind: 'share', user: u })}
        onDelete={(u) => setDialog({ kind: 'delete', user: u })}
        onError={onError}
      />

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
