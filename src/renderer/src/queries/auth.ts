import { useQuery } from '@tanstack/react-query';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';
import type { RouteOutput } from '../../../shared/contract/types';

export type Me = RouteOutput<'auth.me'>;

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => call('auth.me'), staleTime: 60_000 });
}

/** After a sign-in: main has bound a session to this window; show the app with this account. */
export async function enterSignedIn(me: Me): Promise<void> {
  queryClient.setQueryData(queryKeys.me, me);
  await queryClient.invalidateQueries({ queryKey: queryKeys.appStatus });
}
