import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';

/** Admin: the model access of the chosen accounts (their own, and what is in force). */
export function useModelAccessOf(userIds: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.modelAccessOf(userIds),
    queryFn: () => call('users.model_access.get', { userIds: [...userIds] }),
    enabled: userIds.length > 0,
  });
}

/**
 * Saving changes what those people's generators offer: their pages show it the next time the model
 * list loads, and main refuses anything no longer allowed in the meantime.
 */
export function useSetModelAccess() {
  return useMutation({
    mutationFn: (input: RouteInput<'users.model_access.set'>) => call('users.model_access.set', input),
    onSuccess: () =>
      Promise.all([queryKeys.modelAccess, queryKeys.audit, queryKeys.models].map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
        () => undefined,
      ),
  });
}
