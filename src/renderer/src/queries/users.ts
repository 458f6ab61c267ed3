import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';

export type UsersFilters = NonNullable<RouteInput<'users.list'>>;

export function useUsers(filters: UsersFilters) {
  return useQuery({
    queryKey: queryKeys.usersList(filters),
    queryFn: () => call('users.list', filters),
    placeholderData: keepPreviousData,
  });
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
