/** What the merge needs of a listed item: the key `media.list` orders by. */
export interface Ordered {
  id: string;
  createdAt: number;
}

/** The pages of one keyset-paginated list loaded so far, and whether the server has more. */
export interface LoadedList<T extends Ordered> {
  items: readonly T[];
  hasMore: boolean;
}

export interface MergedLists<T extends Ordered> {
  /** every item that is certainly in its final place, newest first */
  items: T[];
  /** indexes of the lists whose next page would let more items be shown */
  toLoad: number[];
  /** whether any list has more on the server */
  hasMore: boolean;
}

/** `media.list`'s order: newest first, ties broken by id descending (as main's keyset cursor does). */
export function newestFirst(a: Ordered, b: Ordered): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merges several newest-first lists (the route takes one kind per call; the picker wants images
 * and inputs together) into one newest-first list without ever showing an item out of order.
 *
 * A list that has more on the server may still hold items newer than anything loaded from the
 * others, but never newer than its own last loaded item. So only items at or above the newest of
 * those "last loaded" items are certain; the rest wait until the list that limits them loads its
 * next page. A list with more but nothing loaded yet blocks everything (its first page is pending).
 */
export function mergeNewest<T extends Ordered>(lists: readonly LoadedList<T>[]): MergedLists<T> {
  let cutoff: T | null = null;
  let blockedByEmpty = false;
  for (const list of lists) {
    if (!list.hasMore) continue;
    const last = list.items.at(-1);
    if (!last) blockedByEmpty = true;
    else if (!cutoff || newestFirst(last, cutoff) < 0) cutoff = last;
  }

  const toLoad: number[] = [];
  lists.forEach((list, index) => {
    if (!list.hasMore) return;
    const last = list.items.at(-1);
    if (blockedByEmpty ? !last : last && cutoff && newestFirst(last, cutoff) === 0) toLoad.push(index);
  });

  const all = lists.flatMap((list) => list.items).sort(newestFirst);
  const items = blockedByEmpty ? [] : cutoff ? all.filter((item) => newestFirst(item, cutoff) <= 0) : all;
  return { items, toLoad, hasMore: lists.some((list) => list.hasMore) };
}
