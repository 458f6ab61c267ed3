import { useState } from 'react';
import type { UserListItem } from '../../../../shared/contract/routes/users';
import { fetchAllMatching, type UsersFilters } from '../../queries/users';

type Matching = Pick<UsersFilters, 'query' | 'status' | 'role'>;

/**
 * The Users page's selection, kept by id across pages and orders. "Select all" takes every account
 * matching the filters, read from main, and stays "all" only while the filters are the same. The
 * admin's own account is never selected: no batch action applies to it.
 */
export function useUserSelection(matching: Matching, loaded: ReadonlyMap<string, UserListItem>, onError: (error: unknown) => void) {
  const [selected, setSelected] = useState<ReadonlyMap<string, UserListItem>>(new Map());
  const [allMatchingKey, setAllMatchingKey] = useState<string | null>(null);
  const [selecting, setSelecting] = useState(false);
  const matchKey = JSON.stringify([matching.query, matching.status, matching.role]);

  // the selection as last listed: a row loaded since (after a change) replaces its older copy
  const chosen = [...selected.keys()].map((id) => loaded.get(id) ?? selected.get(id)!).filter((u) => !u.isSelf);
  const allMatchingSelected = allMatchingKey === matchKey && selected.size > 0;

  const clear = () => {
    setSelected(new Map());
    setAllMatchingKey(null);
  };
  const toggle = (u: UserListItem) => {
    const next = new Map(selected);
    if (next.has(u.id)) next.delete(u.id);
    else next.set(u.id, u);
    setSelected(next);
    setAllMatchingKey(null);
  };
  async function toggleAll(): Promise<void> {
    if (allMatchingSelected) {
      clear();
      return;
    }
    setSelecting(true);
    try {
      const all = await fetchAllMatching(matching);
      setSelected(new Map(all.filter((u) => !u.isSelf).map((u) => [u.id, u])));
      setAllMatchingKey(matchKey);
    } catch (error) {
      onError(error);
    } finally {
      setSelecting(false);
    }
  }

  return { selected, chosen, selecting, allMatchingSelected, toggle, toggleAll, clear };
}
