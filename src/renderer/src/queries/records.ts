import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';

export type GenerationLogFilters = Omit<NonNullable<RouteInput<'generation.log.list'>>, 'cursor'>;

/** The generation log, one keyset page at a time (main pages newest first). */
export function useGenerationLog(filters: GenerationLogFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.generationLog(filters),
    queryFn: ({ pageParam }) => call('generation.log.list', { ...filters, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}
