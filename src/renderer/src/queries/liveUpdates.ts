import { type InfiniteData, type QueryClient, type QueryKey, type Updater, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { StudioEventName, StudioEvents } from '../../../shared/contract/events';
import type { RouteOutput } from '../../../shared/contract/types';
import { onEvent } from '../ipc/client';
import { type JobsPage, upsertJob, withoutResults } from './jobs';
import { queryKeys } from './keys';
import { removeListedItems } from './media';

/** Events that change cached data; `session.ended` clears the whole cache instead (features/auth/sessionEvents.ts). */
type CacheEventName = Exclude<StudioEventName, 'session.ended'>;

/**
 * What each event main pushes does to the query cache. An event that carries the new state is
 * written into the cache as is (no request); one that carries only ids marks the affected lists
 * stale, so only those on screen refetch. Keyed by every event name: a new event is a type error
 * here until someone decides what it means for the cache.
 */
export const cacheUpdates: { [E in CacheEventName]: (client: QueryClient, payload: StudioEvents[E]) => void } = {
  // the job DTO as main just wrote it: replaces the listed one, or joins the list as the newest
  'job.updated': (client, job) => {
    writeEventData<InfiniteData<JobsPage>>(client, queryKeys.jobs, (data) => (data ? upsertJob(data, job) : data));
  },
  // the fresh status, computed by main after the change committed
  'quota.changed': (client, { userId, status }) => {
    // events are addressed to this window's user; never let another account's status in
    // the event's status has no `askAdmins` (only the route adds them): keep the cached ones; with
    // nothing cached yet, the route's own fetch brings both
    writeEventData<RouteOutput<'quotas.status'>>(client, queryKeys.quotaStatus, (current) =>
      current === undefined || current.userId !== userId ? current : { ...current, ...status },
    );
    // admin views (one user, the usage report) may include this user: refetched when shown
    void client.invalidateQueries({ queryKey: queryKeys.quotasAdmin });
  },
  // only ids: where the new items fall in each filtered, paged list is main's to say
  'media.created': (client) => {
    void client.invalidateQueries({ queryKey: queryKeys.mediaLists });
    void client.invalidateQueries({ queryKey: queryKeys.mediaStats });
  },
  // gone is gone: dropped from every loaded list at once, without a refetch
  'media.deleted': (client, { ids }) => {
    removeListedItems(client, ids);
    writeEventData<InfiniteData<JobsPage>>(client, queryKeys.jobs, (data) => (data ? withoutResults(data, new Set(ids)) : data));
    for (const id of ids) client.removeQueries({ queryKey: queryKeys.mediaItem(id) });
    void client.invalidateQueries({ queryKey: queryKeys.mediaStats });
  },
  // what this person may generate with changed: an open generator asks again and corrects its
  // choices in place (features/generation/useAllowedChoices.ts)
  'models.changed': (client) => {
    void client.invalidateQueries({ queryKey: queryKeys.models });
  },
};

/**
 * Writes what an event carried, and makes sure it wins. A fetch of the same key still in flight
 * read main's state before the event (a list requested as a job finished), so when it lands it
 * would put the older state back: it is cancelled first. Cancelling reverts synchronously to the
 * data from before that fetch, so the event is applied on top. A cancelled first load has nothing
 * to apply the event to, so it starts again — after the event, so it reads the new state.
 */
function writeEventData<T>(client: QueryClient, queryKey: QueryKey, update: Updater<T | undefined, T | undefined>): void {
  const state = client.getQueryState(queryKey);
  const fetching = state !== undefined && state.fetchStatus !== 'idle';
  if (fetching) void client.cancelQueries({ queryKey, exact: true });
  client.setQueryData<T>(queryKey, update);
  if (fetching && client.getQueryData(queryKey) === undefined) void client.invalidateQueries({ queryKey, exact: true });
}

/** Subscribes every cache update to its event; returns the function that unsubscribes them all. */
export function connectLiveUpdates(
  client: QueryClient,
  subscribe: <E extends CacheEventName>(event: E, callback: (payload: StudioEvents[E]) => void) => () => void,
): () => void {
  const names = Object.keys(cacheUpdates) as CacheEventName[];
  const offs = names.map((name) => subscribe(name, (payload) => (cacheUpdates[name] as (c: QueryClient, p: unknown) => void)(client, payload)));
  return () => {
    for (const off of offs) off();
  };
}

/**
 * The one event → cache bridge of a window, mounted once in the app shell: the queue, the
 * results, the quota meters and the gallery all read the cache it keeps current, on every page.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useEffect(() => connectLiveUpdates(client, onEvent), [client]);
}
