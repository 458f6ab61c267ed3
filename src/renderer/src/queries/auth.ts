import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';
import type { Theme } from '../../../shared/contract/routes/auth';
import type { RouteOutput } from '../../../shared/contract/types';
import { applyTheme } from '../stores/theme';

export type Me = RouteOutput<'auth.me'>;

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => call('auth.me'), staleTime: 60_000 });
}

/** After a sign-in: main has bound a session to this window; show the app with this account. */
export async function enterSignedIn(me: Me): Promise<void> {
  queryClient.setQueryData(queryKeys.me, me);
  await queryClient.invalidateQueries({ queryKey: queryKeys.appStatus });
}

/** Saves the person's theme; applied at once (the shell also applies whatever `me` says). */
export function useSetTheme() {
  return useMutation({
    mutationFn: (theme: Theme) => call('auth.set_theme', { theme }),
    onMutate: (theme) => applyTheme(theme),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
    onError: () => applyTheme(queryClient.getQueryData<Me>(queryKeys.me)?.theme ?? 'system'),
  });
}

export function useDismissSetupChecklist() {
  return useMutation({
    mutationFn: () => call('auth.dismiss_setup_checklist'),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}
