import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { UserListItem, UserSort, UserSummary } from '../../../../shared/contract/routes/users';
import { formatDateTime } from '../../components/format';
import type { ConfirmAction } from './confirmText';
import { StatusCell, UsageCell } from './userCells';
import { UserRowActions } from './UserRowActions';
import styles from './UsersTable.module.css';

/** Every row has the same height (text is cut with an ellipsis, the actions open as a popover), so the list can be virtual. */
const ROW_HEIGHT = 52;
const COLUMNS = 8;

export interface SortState {
  sort: UserSort;
  direction: 'asc' | 'desc';
}

/** The order a column starts in when first chosen: newest sign-in and fullest quota first. */
const FIRST_DIRECTION: Record<UserSort, 'asc' | 'desc'> = { email: 'asc', status: 'asc', lastSignIn: 'desc', usage: 'desc' };

/**
 * The accounts matching the filters, as compact rows, virtual: only the rows in view (and a few
 * around) are in the document, whatever the number of accounts, and the next page is asked for as
 * the end comes into view. Column headers sort (in main). Selection is by id and survives scrolling,
 * paging and new orders; "select all" means every account matching the filters.
 */
export function UsersTable({
  listKey,
  items,
  total,
  hasNextPage,
  loadingMore,
  loadMore,
  busy,
  order,
  onOrder,
  selected,
  allMatchingSelected,
  onToggle,
  onToggleAll,
  onAsk,
  onQuotas,
  onShare,
  onDelete,
  onError,
}: {
  /** changes with the order and filters: a new list starts at its top */
  listKey: string;
  items: UserListItem[];
  total: number;
  hasNextPage: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  busy: boolean;
  order: SortState;
  onOrder: (next: SortState) => void;
  selected: ReadonlyMap<string, UserListItem>;
  allMatchingSelected: boolean;
  onToggle: (user: UserListItem) => void;
  onToggleAll: () => void;
  onAsk: (action: ConfirmAction, user: UserListItem) => void;
  onQuotas: (user: UserSummary) => void;
  onShare: (user: UserSummary) => void;
  onDelete: (user: UserSummary) => void;
  onError: (error: unknown) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = items.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // a page without layout (a component test) measures 0: assume a screenful there
    observeElementRect: (instance, onRect) => observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : { ...rect, height: 700 })),
  });
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [listKey]);
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !loadingMore && lastShown >= items.length - 20) loadMore();
  }, [hasNextPage, loadingMore, lastShown, items.length, loadMore]);

  const now = Date.now();
  const padTop = rows[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  const someSelected = selected.size > 0 && !allMatchingSelected;

  const header = (label: string, sort: UserSort, props: { colSpan?: number; rowSpan?: number } = {}) => {
    const active = order.sort === sort;
    const next: SortState = active ? { sort, direction: order.direction === 'asc' ? 'desc' : 'asc' } : { sort, direction: FIRST_DIRECTION[sort] };
    return (
      <th
        scope={props.colSpan ? 'colgroup' : 'col'}
        {...props}
        aria-sort={active ? (order.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <button type="button" className={styles.sortButton} onClick={() => onOrder(next)}>
          {label}
          <span className={styles.sortMark} aria-hidden="true">
            {active ? (order.direction === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className={styles.scroller} ref={scrollRef} tabIndex={-1} data-scroller>
      <table className={`data-table ${styles.table}`} aria-label="Accounts" aria-busy={busy} aria-rowcount={total + 2}>
        <colgroup>
          <col className={styles.checkCol} />
          <col />
          <col className={styles.statusCol} />
          <col className={styles.kindCol} />
          <col className={styles.kindCol} />
          <col className={styles.kindCol} />
          <col className={styles.dateCol} />
          <col className={styles.actionsCol} />
        </colgroup>
        <thead className={styles.head}>
          <tr aria-rowindex={1}>
            <th scope="col" rowSpan={2}>
              <input
                type="checkbox"
                aria-label={`Select all ${total} matching accounts`}
                checked={allMatchingSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected;
                }}
                onChange={onToggleAll}
              />
            </th>
            {header('Email', 'email', { rowSpan: 2 })}
            {header('Status', 'status', { rowSpan: 2 })}
            {header('Quota use', 'usage', { colSpan: 3 })}
            {header('Last sign-in', 'lastSignIn', { rowSpan: 2 })}
            <th scope="col" rowSpan={2}>
              Actions
            </th>
          </tr>
          <tr aria-rowindex={2}>
            <th scope="col">Image</th>
            <th scope="col">Edit</th>
            <th scope="col">Video</th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true" className={styles.spacer}>
              <td colSpan={COLUMNS} style={{ height: padTop }} />
            </tr>
          )}
          {rows.map((row) => {
            const u = items[row.index];
            if (!u)
              return (
                <tr key="more" className={styles.row}>
                  <td colSpan={COLUMNS} className="muted">
                    Loading more accounts…
                  </td>
                </tr>
              );
            return (
              <tr key={u.id} className={styles.row} aria-rowindex={row.index + 3} aria-selected={selected.has(u.id)}>
                <td className={styles.checkCell}>
                  {!u.isSelf && <input type="checkbox" aria-label={`Select ${u.email}`} checked={selected.has(u.id)} onChange={() => onToggle(u)} />}
                </td>
                <td className={styles.emailCell}>
                  <span className={styles.email} title={u.email}>
                    {u.email}
                  </span>
                  <span className={styles.sub}>
                    {u.role === 'admin' ? 'Admin' : 'User'}
                    {u.managers.length > 0 && !u.isSelf ? ` · managed by ${u.managers.map((m) => m.email).join(', ')}` : ''}
                  </span>
                </td>
                <td>
                  <StatusCell user={u} now={now} />
                </td>
                <td>
                  <UsageCell usage={u.usage.image} />
                </td>
                <td>
                  <UsageCell usage={u.usage.edit} />
                </td>
                <td>
                  <UsageCell usage={u.usage.video} />
                </td>
                <td className={styles.dateCell}>{u.lastLoginAt === null ? <span className="muted">never</span> : formatDateTime(u.lastLoginAt)}</td>
                <td className={styles.actionsCell}>
                  <span className={styles.actions}>
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
                  </span>
                </td>
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className={styles.spacer}>
              <td colSpan={COLUMNS} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
