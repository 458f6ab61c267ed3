import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { DraftPage } from '../../../shared/contract/routes/drafts';
import type { JobKind } from '../../../shared/domain/jobs';
import { call } from '../ipc/client';
import { queryClient } from './queryClient';
import { queryKeys } from './keys';

/**
 * A generator page's draft as main keeps it. Always asked afresh when a page opens (main is the
 * only copy; another window of the same person may have changed it); the page's own saves update
 * the cache at once, so coming back shows the latest even before main answered.
 */
export function useDraftQuery(page: DraftPage, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.draft(page), queryFn: () => call('drafts.get', { page }), enabled, staleTime: 0, gcTime: 60_000 });
}

export const HISTORY_PAGE_SIZE = 30;

/** The person's earlier prompts of one kind, newest first, narrowed by words; loaded while the list is open. */
export function usePromptHistory(kind: JobKind, query: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.promptHistory({ kind, query }),
    queryFn: ({ pageParam }) =>
      call('prompts.history', { kind, limit: HISTORY_PAGE_SIZE, ...(query ? { query } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 0,
  });
}

/** The most recent prompt of one kind (↑ in an empty prompt), asked of main each time. */
export async function latestPrompt(kind: JobKind): Promise<string | null> {
  const page = await queryClient.fetchQuery({
    queryKey: queryKeys.promptHistory({ kind, query: '', latest: true }),
    queryFn: () => call('prompts.history', { kind, limit: 1 }),
    staleTime: 0,
  });
  return page.items[0]?.prompt ?? null;
}
