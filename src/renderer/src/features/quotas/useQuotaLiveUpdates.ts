import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { QuotaStatus } from '../../../../shared/domain/quotaStatus';
import { onEvent } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';

/**
 * Keeps the header and the meters current: main sends `quota.changed` with the fresh status after
 * every reserve, commit, release and policy change, so the cache is replaced without a refetch.
 * Admin views that may include this user are marked stale and refetch when shown.
 */
export function useQuotaLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onEvent('quota.changed', ({ userId, status }) => {
        queryClient.setQueryData<QuotaStatus>(queryKeys.quotaStatus, (current) =>
          // events are addressed to this window's user; never let another account's status in
          current && current.userId !== userId ? current : status,
        );
        void queryClient.invalidateQueries({ queryKey: queryKeys.quotasAdmin });
      }),
    [queryClient],
  );
}
