import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { UserListItem } from '../../../shared/contract/routes/users';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';

export type UsersFilters = Omit<NonNullable<RouteInput<'users.list'>>, 'cursor' | 'limit'>;

/** One page of accounts, for pickers that need the people an admin manages (the records' person picker searches with it). */
export function useUsers(filters: NonNullable<RouteInput<'users.list'>>, enabled = true) {
  return useQuery({
    queryKey: queryKeys.usersList(filters),
    queryFn: () => call('users.list', filters),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Rows per request: a few screens' worth, so scrolling asks main again only now and then. */
const PAGE_SIZE = 100;

/**
 * The accounts matching the filters in the chosen order, page by page as the table scrolls (keyset
 * cursors from main); the previous list stays on screen while a new order or filter loads.
 */
export function useUserPages(filters: UsersFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.usersList({ ...filters, pages: true }),
    queryFn: ({ pageParam }) => call('users.list', { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every account matching the filters (for "select all matching"), read in big pages. */
export async function fetchAllMatching(filters: UsersFilters): Promise<UserListItem[]> {
  const all: UserListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: UserListItem[]; nextCursor: string | null } = await call('users.list', {
      ...filters,
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Every change to an account can change what the lists and the audit log show. */
function refreshAccounts(): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.users }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit }),
  ]).then(() => undefined);
}

export function useInvite() {
  return useMutation({ mutationFn: (input: RouteInput<'users.invite'>) => call('users.invite', input), onSettled: refreshAccounts });
}

export function useUpdateUser() {
  return useMutation({ mutationFn: (input: RouteInput<'users.update'>) => call('users.update', input), onSettled: refreshAccounts });
}

export function useUnlock() {
  return useMutation({ mutationFn: (userId: string) => call('users.unlock', { userId }), onSettled: refreshAccounts });
}

export function useShare() {
  return useMutation({ mutationFn: (input: RouteInput<'users.share'>) => call('users.share', input), onSettled: refreshAccounts });
}

export function useUnshare() {
  return useMutation({ mutationFn: (input: RouteInput<'users.unshare'>) => call('users.unshare', input), onSettled: refreshAccounts });
}

export function useDeleteUser() {
  return useMutation({ mutationFn: (input: RouteInput<'users.delete'>) => call('users.delete', input), onSettled: refreshAccounts });
}
