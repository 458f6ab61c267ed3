import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntryDto } from '../../../shared/contract/routes/audit';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';

export type AuditFilters = Omit<NonNullable<RouteInput<'audit.list'>>, 'cursor'>;

export function useAuditLog(filters: AuditFilters, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: queryKeys.auditList(filters),
    queryFn: ({ pageParam }) => call('audit.list', { ...filters, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every entry matching the filters, newest first, fetched page by page (for the CSV export); at most `max`. */
export async function fetchAllAudit(filters: AuditFilters, max = 20_000): Promise<{ items: AuditEntryDto[]; complete: boolean }> {
  const items: AuditEntryDto[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: AuditEntryDto[]; nextCursor: string | null } = await call('audit.list', {
      ...filters,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < max);
  return { items, complete: cursor === null };
}
