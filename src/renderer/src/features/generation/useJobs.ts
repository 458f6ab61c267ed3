import { type InfiniteData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import type { RouteOutput } from '../../../../shared/contract/types';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';
import { call, onEvent } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';
import { useToasts } from '../../stores/toasts';

type JobsPage = RouteOutput<'jobs.list'>;

/** The signed-in user's jobs, newest first, kept live by `job.updated` events. */
export function useJobs() {
  return useInfiniteQuery({
    queryKey: queryKeys.jobs,
    queryFn: ({ pageParam }) => call('jobs.list', { limit: 30, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * Subscribes once (in the app shell) to job events: updates the cached list in place, refreshes
 * what a finished job changes (gallery, quotas), and tells the person how it ended.
 */
export function useJobEvents(onOpenResult?: (job: JobDto) => void): void {
  const queryClient = useQueryClient();
  const push = useToasts((s) => s.push);
  useEffect(
    () =>
      onEvent('job.updated', (job) => {
        let known = false;
        queryClient.setQueryData<InfiniteData<JobsPage>>(queryKeys.jobs, (data) => {
          if (!data) return data;
          const pages = data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => {
              if (item.id !== job.id) return item;
              known = true;
              return job;
            }),
          }));
          if (!known && pages[0]) pages[0] = { ...pages[0], items: [job, ...pages[0].items] };
          return { ...data, pages };
        });
        if (!isFinalJobStatus(job.status)) return;
        // A list fetch that started before this event (after a click) would land later with the
        // job still "saving" and hide the outcome; refetching now cancels it and reads the end state.
        void queryClient.invalidateQueries({ queryKey: queryKeys.jobs });
        void queryClient.invalidateQueries({ queryKey: queryKeys.media });
        void queryClient.invalidateQueries({ queryKey: queryKeys.quotaStatus });
        if (job.status === 'succeeded') {
          push({
            tone: 'success',
            message: `${job.kind === 'video' ? 'Video' : 'Image'} ready: ${shorten(job.prompt)}`,
            groupKey: `done:${job.kind}:${job.prompt}`,
            ...(onOpenResult ? { action: { label: 'Open', run: () => onOpenResult(job) } } : {}),
          });
        } else if (job.status !== 'cancelled') {
          const message = job.errorMessage ?? 'The job did not finish.';
          push({ tone: 'error', message, groupKey: `error:${message}` });
        }
      }),
    [queryClient, push, onOpenResult],
  );
}

export function allJobs(data: InfiniteData<JobsPage> | undefined): JobDto[] {
  return data?.pages.flatMap((p) => p.items) ?? [];
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
