import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';

/** The signed-in user's quotas; kept fresh by `quota.changed` (queries/liveUpdates.ts). */
export function useQuotaStatus() {
  return useQuery({ queryKey: queryKeys.quotaStatus, queryFn: () => call('quotas.status') });
}

export function useQuotasOf(userIds: readonly string[]) {
  return useQuery({
    queryKey: queryKeys.quotasOf(userIds),
    queryFn: () => call('quotas.get', { userIds: [...userIds] }),
    enabled: userIds.length > 0,
  });
}

export function useUsageReport(range: { from: string; to: string } | null) {
  return useQuery({
    queryKey: queryKeys.usageReport(range?.from ?? '', range?.to ?? ''),
    queryFn: () => call('quotas.usage_report', range!),
    enabled: range !== null,
  });
}

/**
 * After an admin change: every admin view of quotas. The admin's own header needs nothing: if the
 * change was to their own quotas, main sends them `quota.changed` with the new status.
 */
function useRefreshQuotaViews() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.quotasAdmin });
  };
}

export function useSetQuotas() {
  const refresh = useRefreshQuotaViews();
  return useMutation({ mutationFn: (input: RouteInput<'quotas.set'>) => call('quotas.set', input), onSuccess: refresh });
}

export function useResetQuotaUsage() {
  const refresh = useRefreshQuotaViews();
  return useMutation({ mutationFn: (input: RouteInput<'quotas.reset_usage'>) => call('quotas.reset_usage', input), onSuccess: refresh });
}
