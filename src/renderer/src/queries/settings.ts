import { useMutation, useQuery } from '@tanstack/react-query';
import type { RouteInput, RouteOutput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';

export type Settings = RouteOutput<'settings.get'>;

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: () => call('settings.get') });
}

/** Every settings change is audited, and may change what other views show. */
function refresh(...more: (readonly unknown[])[]): Promise<void> {
  return Promise.all([queryKeys.settings, queryKeys.audit, ...more].map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
    () => undefined,
  );
}

export function useUpdateSettings() {
  return useMutation({
    mutationFn: (input: RouteInput<'settings.update'>) => call('settings.update', input),
    // accounts that follow the default policy see new quotas: admin views refetch; every header,
    // the admin's own included, gets them from main as `quota.changed`
    onSuccess: () => refresh(queryKeys.quotasAdmin, queryKeys.settingsProject),
  });
}

/** The project behind the shared key as the queue sees it: live, so read on every visit and every 10 s while shown. */
export function useProjectShape() {
  return useQuery({ queryKey: queryKeys.settingsProject, queryFn: () => call('settings.project.get'), staleTime: 0, refetchInterval: 10_000 });
}

export function useSetApiKey() {
  return useMutation({
    mutationFn: (input: RouteInput<'settings.set_api_key'>) => call('settings.set_api_key', input),
    onSuccess: () => refresh(queryKeys.appStatus),
  });
}

export function useClearApiKey() {
  return useMutation({ mutationFn: () => call('settings.clear_api_key'), onSuccess: () => refresh(queryKeys.appStatus) });
}

/** Saving or checking the catalogue changes what the generator pages offer. */
export function useUpdateModels() {
  return useMutation({
    mutationFn: (input: RouteInput<'settings.models.update'>) => call('settings.models.update', input),
    onSuccess: () => refresh(queryKeys.models),
  });
}

/** A price correction changes every estimate from now on, and what the Settings page shows. */
export function useUpdatePrices() {
  return useMutation({
    mutationFn: (input: RouteInput<'settings.prices.update'>) => call('settings.prices.update', input),
    onSuccess: (result) => {
      queryClient.setQueryData<Settings>(queryKeys.settings, (old) => (old ? { ...old, prices: result.prices } : old));
      return refresh();
    },
  });
}

export function useCheckModels() {
  return useMutation({
    mutationFn: () => call('settings.models.check'),
    onSuccess: (result) => {
      // the answer carries the catalogue with its new flags: show them before the refetch lands
      queryClient.setQueryData<Settings>(queryKeys.settings, (old) => (old ? { ...old, catalogue: result.catalogue } : old));
      return refresh(queryKeys.models);
    },
  });
}
