import { type InfiniteData, useInfiniteQuery } from '@tanstack/react-query';
import type { JobDto } from '../../../shared/contract/routes/generation';
import type { RouteOutput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';

export type JobsPage = RouteOutput<'jobs.list'>;

/** The signed-in user's jobs, newest first; `job.updated` keeps the cache live (liveUpdates.ts). */
export function useJobs() {
  return useInfiniteQuery({
    queryKey: queryKeys.jobs,
    queryFn: ({ pageParam }) => call('jobs.list', { limit: 30, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function allJobs(data: InfiniteData<JobsPage> | undefined): JobDto[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}

/**
 * The list with `job` in it: replaced where it is listed, otherwise first on the first page (a
 * job main just created is the newest). Pages are copied, never changed in place.
 */
export function upsertJob(data: InfiniteData<JobsPage>, job: JobDto): InfiniteData<JobsPage> {
  let known = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === job.id)) return page;
    known = true;
    return { ...page, items: page.items.map((item) => (item.id === job.id ? job : item)) };
  });
  if (!known && pages[0]) pages[0] = { ...pages[0], items: [job, ...pages[0].items] };
  return { ...data, pages };
}

/** The list without results that were deleted: a job's tile and its queue entry stop showing them. */
export function withoutResults(data: InfiniteData<JobsPage>, deleted: ReadonlySet<string>): InfiniteData<JobsPage> {
  const pages = data.pages.map((page) =>
    page.items.some((item) => item.results.some((r) => deleted.has(r.id)))
      ? { ...page, items: page.items.map((item) => ({ ...item, results: item.results.filter((r) => !deleted.has(r.id)) })) }
      : page,
  );
  return { ...data, pages };
}
