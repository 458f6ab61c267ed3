import { useCallback, useMemo, useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import type { UserListItem } from '../../../shared/contract/routes/users';
import { plural } from '../../../shared/domain/plural';
import { BatchBar } from '../features/users/BatchBar';
import type { ConfirmAction } from '../features/users/confirmText';
import { UserFilters, type UserFilterValues } from '../features/users/UserFilters';
import { UsersDialog, type UsersDialogState } from '../features/users/UsersDialog';
import { UsersErrors } from '../features/users/UsersErrors';
import { type SortState, UsersTable } from '../features/users/UsersTable';
import { useBatchActions } from '../features/users/useBatchActions';
import { useUserSelection } from '../features/users/useUserSelection';
import { type UsersFilters, useUserPages } from '../queries/users';
import styles from './UsersPage.module.css';

/**
 * Admin → Users: the admin's own account and the accounts they manage (main enforces the scope),
 * sorted, filtered and searched in main and read page by page into a virtual table, so thousands of
 * accounts stay quick. The filters, the selection (useUserSelection), the batch bar, the table and
 * the dialogs each live in features/users; this page wires them together.
 */
export function UsersPage() {
  const [filters, setFilters] = useState<UserFilterValues>({ query: '', status: '', role: '' });
  const [order, setOrder] = useState<SortState>({ sort: 'email', direction: 'asc' });
  const [dialog, setDialog] = useState<UsersDialogState>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query: UsersFilters = {
    query: filters.query || undefined,
    status: filters.status || undefined,
    role: filters.role || undefined,
    sort: order.sort,
    direction: order.direction,
  };
  const users = useUserPages(query);
  const batch = useBatchActions((codes) => setDialog({ kind: 'codes', codes }));

  const items = useMemo(() => users.data?.pages.flatMap((p) => p.items) ?? [], [users.data]);
  const total = users.data?.pages[0]?.total ?? 0;
  const loaded = useMemo(() => new Map(items.map((u) => [u.id, u])), [items]);
  const onError = (error: unknown) => setActionError(isStudioError(error) ? error.message : 'Unexpected problem. Try again.');
  const selection = useUserSelection({ query: query.query, status: query.status, role: query.role }, loaded, onError);
  // one batch at a time; the buttons stay enabled so focus can return to them after a confirmation
  const ask = (action: ConfirmAction, who: UserListItem[]) => !batch.running && setDialog({ kind: 'confirm', action, users: who });
  const close = () => setDialog(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = users;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

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
        chosen={selection.chosen}
        selecting={selection.selecting}
        onAsk={(action) => ask(action, selection.chosen)}
        onQuotas={() => setDialog({ kind: 'quotas', users: selection.chosen })}
        onClear={selection.clear}
      />
      <UsersErrors
        batchFailures={batch.failures}
        actionError={actionError}
        onDismiss={() => setActionError(null)}
        listError={users.isError ? users.error : null}
      />
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
        selected={selection.selected}
        allMatchingSelected={selection.allMatchingSelected}
        onToggle={selection.toggle}
        onToggleAll={() => void selection.toggleAll()}
        onAsk={(action, u) => ask(action, [u])}
        onQuotas={(u) => setDialog({ kind: 'quotas', users: [u] })}
        onShare={(u) => setDialog({ kind: 'share', user: u })}
        onDelete={(u) => setDialog({ kind: 'delete', user: u })}
        onError={onError}
      />

      <UsersDialog
        dialog={dialog}
        onClose={close}
        onConfirmed={(action, who) => {
          close();
          setNotice(null);
          void batch.run(action, who);
        }}
        onQuotasSaved={(text) => {
          setNotice(text);
          close();
        }}
      />
    </section>
  );
}
