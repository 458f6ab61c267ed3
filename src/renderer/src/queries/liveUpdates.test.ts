import { type InfiniteData, InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudioEventName, StudioEvents } from '../../../shared/contract/events';
import type { JobDto } from '../../../shared/contract/routes/generation';
import type { MediaItem } from '../../../shared/contract/routes/media';
import type { QuotaKindStatus, QuotaStatus } from '../../../shared/domain/quotaStatus';
import type { JobsPage } from './jobs';
import { queryKeys } from './keys';
import { connectLiveUpdates } from './liveUpdates';
import { jobDto } from '../../../../test/renderer/jobDto';

/**
 * The event → cache bridge with a real QueryClient and a stand-in for `onEvent`: what each event
 * does to the cache, that nothing is fetched for what an event carried, and that an event wins
 * over a list fetch that was already on its way when it came.
 */

function job(id: string, status: JobDto['status'], extra: Partial<JobDto> = {}): JobDto {
  return jobDto(id, { status, model: 'gemini-image', prompt: `prompt ${id}`, createdAt: 1, ...extra });
}

function quota(userId: string, used: number): QuotaStatus {
  const kind = (k: QuotaKindStatus['kind']): QuotaKindStatus => ({
    kind: k,
    period: 'monthly',
    limit: 50,
    used,
    remaining: 50 - used,
    resetsAt: null,
    resetsAtLabel: null,
    isDefault: true,
  });
  return { userId, kinds: { image: kind('image'), edit: kind('edit'), video: kind('video'), spend: kind('spend') } };
}

function mediaItem(id: string): MediaItem {
  return { id } as MediaItem;
}

const pages = (...lists: JobDto[][]): InfiniteData<JobsPage> => ({
  pages: lists.map((items, i) => ({ items, nextCursor: i < lists.length - 1 ? `c${i}` : null })),
  pageParams: lists.map((_, i) => (i === 0 ? undefined : `c${i - 1}`)),
});

const ids = (data: InfiniteData<JobsPage> | undefined) => data?.pages.map((p) => p.items.map((j) => `${j.id}:${j.status}`));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A client with the live updates connected to a fake event source; `emit` plays main. */
function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const disconnect = connectLiveUpdates(client, (event, callback) => {
    const set = listeners.get(event) ?? new Set();
    set.add(callback as (payload: unknown) => void);
    listeners.set(event, set);
    return () => set.delete(callback as (payload: unknown) => void);
  });
  const emit = <E extends StudioEventName>(event: E, payload: StudioEvents[E]) => listeners.get(event)?.forEach((cb) => cb(payload));
  return { client, emit, disconnect, listeners };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

/** An active jobs list (as the queue panel holds it) whose fetches are counted and controlled. */
function watchJobs(client: QueryClient, answers: (() => Promise<JobsPage>)[]) {
  let calls = 0;
  const observer = new InfiniteQueryObserver(client, {
    queryKey: queryKeys.jobs,
    queryFn: () => answers[Math.min(calls++, answers.length - 1)]!(),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: JobsPage) => last.nextCursor ?? undefined,
  });
  cleanups.push(observer.subscribe(() => {}));
  return { calls: () => calls };
}

describe('job.updated', () => {
  it('replaces the listed job where it is, on any page, without a request', async () => {
    const { client, emit } = setup();
    const list = watchJobs(client, [() => Promise.resolve(pages([job('a', 'running')]).pages[0]!)]);
    await flush();
    client.setQueryData(queryKeys.jobs, pages([job('c', 'queued'), job('b', 'running')], [job('a', 'running')]));

    emit('job.updated', job('a', 'succeeded', { results: [{ id: 'm1', url: '/media/m1/original', thumbUrl: null }] }));

    const data = client.getQueryData<InfiniteData<JobsPage>>(queryKeys.jobs);
    expect(ids(data)).toEqual([['c:queued', 'b:running'], ['a:succeeded']]);
    expect(data?.pages[1]?.items[0]?.results).toHaveLength(1);
    await flush();
    expect(list.calls()).toBe(1);
  });

  it('puts a job it has not seen first on the first page (a job main just created)', () => {
    const { client, emit } = setup();
    client.setQueryData(queryKeys.jobs, pages([job('b', 'succeeded')], [job('a', 'failed')]));
    emit('job.updated', job('new', 'queued'));
    expect(ids(client.getQueryData(queryKeys.jobs))).toEqual([['new:queued', 'b:succeeded'], ['a:failed']]);
  });

  it('does not invent a list nobody loaded', () => {
    const { client, emit } = setup();
    emit('job.updated', job('a', 'queued'));
    expect(client.getQueryData(queryKeys.jobs)).toBeUndefined();
  });

  it('wins over a list refetch that started before it and lands after it', async () => {
    const { client, emit } = setup();
    const stale = deferred<JobsPage>();
    const list = watchJobs(client, [() => Promise.resolve({ items: [job('a', 'saving')], nextCursor: null }), () => stale.promise]);
    await flush();
    void client.refetchQueries({ queryKey: queryKeys.jobs });
    expect(client.isFetching({ queryKey: queryKeys.jobs })).toBe(1);

    emit('job.updated', job('a', 'succeeded')); // the final event, while the refetch is still out
    stale.resolve({ items: [job('a', 'saving')], nextCursor: null }); // main read "saving" before it committed
    await flush();

    expect(ids(client.getQueryData(queryKeys.jobs))).toEqual([['a:succeeded']]);
    expect(client.isFetching({ queryKey: queryKeys.jobs })).toBe(0);
    expect(list.calls()).toBe(2);
  });

  it('restarts a first load it had to cancel, so the list still arrives, read after the event', async () => {
    const { client, emit } = setup();
    const stale = deferred<JobsPage>();
    const list = watchJobs(client, [() => stale.promise, () => Promise.resolve({ items: [job('a', 'succeeded')], nextCursor: null })]);
    await flush();
    expect(list.calls()).toBe(1);

    emit('job.updated', job('a', 'succeeded'));
    stale.resolve({ items: [job('a', 'running')], nextCursor: null });
    await flush();

    expect(list.calls()).toBe(2);
    expect(ids(client.getQueryData(queryKeys.jobs))).toEqual([['a:succeeded']]);
    expect(client.getQueryState(queryKeys.jobs)?.status).toBe('success');
  });
});

describe('quota.changed', () => {
  it('sets the status it carries, without a request, and marks admin views stale', async () => {
    const { client, emit } = setup();
    let calls = 0;
    const observer = new QueryObserver(client, { queryKey: queryKeys.quotaStatus, queryFn: () => (calls++, Promise.resolve(quota('u1', 0))) });
    cleanups.push(observer.subscribe(() => {}));
    await flush();
    client.setQueryData(queryKeys.usageReport('2026-11-01', '2026-11-30'), { rows: [] });

    emit('quota.changed', { userId: 'u1', status: quota('u1', 1) });

    expect(client.getQueryData<QuotaStatus>(queryKeys.quotaStatus)?.kinds.image.used).toBe(1);
    expect(client.getQueryState(queryKeys.usageReport('2026-11-01', '2026-11-30'))?.isInvalidated).toBe(true);
    await flush();
    expect(calls).toBe(1);
  });

  it("never lets another account's status into this window", () => {
    const { client, emit } = setup();
    client.setQueryData(queryKeys.quotaStatus, quota('u1', 3));
    emit('quota.changed', { userId: 'u2', status: quota('u2', 9) });
    expect(client.getQueryData<QuotaStatus>(queryKeys.quotaStatus)).toEqual(quota('u1', 3));
  });

  it('wins over a status fetch that was already on its way', async () => {
    const { client, emit } = setup();
    const stale = deferred<QuotaStatus>();
    let calls = 0;
    const answers = [() => Promise.resolve(quota('u1', 0)), () => stale.promise];
    const observer = new QueryObserver(client, { queryKey: queryKeys.quotaStatus, queryFn: () => answers[Math.min(calls++, 1)]!() });
    cleanups.push(observer.subscribe(() => {}));
    await flush();
    void client.refetchQueries({ queryKey: queryKeys.quotaStatus });

    emit('quota.changed', { userId: 'u1', status: quota('u1', 2) });
    stale.resolve(quota('u1', 1));
    await flush();

    expect(client.getQueryData<QuotaStatus>(queryKeys.quotaStatus)?.kinds.image.used).toBe(2);
  });
});

describe('media events', () => {
  const list = (...itemIds: string[]) => ({ pages: [{ items: itemIds.map(mediaItem), nextCursor: null }], pageParams: [undefined] });
  const listed = (client: QueryClient, filters: object) =>
    client.getQueryData<typeof list extends (...a: never[]) => infer R ? R : never>(queryKeys.mediaList(filters))?.pages[0]?.items.map((i) => i.id);

  it('media.created marks every list and the stats stale (it carries only ids), and leaves the rest alone', () => {
    const { client, emit } = setup();
    client.setQueryData(queryKeys.mediaList({}), list('m1'));
    client.setQueryData(queryKeys.mediaList({ kind: 'image', userId: 'u1', limit: 24 }), list('m1'));
    client.setQueryData(queryKeys.mediaStats, { own: {} });
    client.setQueryData(queryKeys.mediaItem('m1'), { id: 'm1' });
    client.setQueryData(queryKeys.mediaCapabilities, { saveAs: true });
    client.setQueryData(queryKeys.jobs, pages([job('a', 'succeeded')]));

    emit('media.created', { userId: 'u1', ids: ['m2'] });

    const stale = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
    expect(stale(queryKeys.mediaList({}))).toBe(true);
    expect(stale(queryKeys.mediaList({ kind: 'image', userId: 'u1', limit: 24 }))).toBe(true);
    expect(stale(queryKeys.mediaStats)).toBe(true);
    expect(stale(queryKeys.mediaItem('m1'))).toBe(false);
    expect(stale(queryKeys.mediaCapabilities)).toBe(false);
    expect(stale(queryKeys.jobs)).toBe(false);
  });

  it('models.changed marks the model list stale (the generators ask again), and nothing else', () => {
    const { client, emit } = setup();
    client.setQueryData(queryKeys.models, { models: [], prices: {} });
    client.setQueryData(queryKeys.mediaStats, { own: {} });
    emit('models.changed', { userId: 'u1' });
    expect(client.getQueryState(queryKeys.models)?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.mediaStats)?.isInvalidated).toBe(false);
  });

  it('media.deleted drops the items from every loaded list and forgets their details, without refetching the lists', () => {
    const { client, emit } = setup();
    client.setQueryData(queryKeys.mediaList({}), list('m1', 'm2', 'm3'));
    client.setQueryData(queryKeys.mediaList({ recent: true }), list('m2', 'm4'));
    client.setQueryData(queryKeys.mediaItem('m2'), { id: 'm2' });
    client.setQueryData(queryKeys.mediaStats, { own: {} });

    emit('media.deleted', { userId: 'u1', ids: ['m2', 'm3'] });

    expect(listed(client, {})).toEqual(['m1']);
    expect(listed(client, { recent: true })).toEqual(['m4']);
    expect(client.getQueryState(queryKeys.mediaList({}))?.isInvalidated).toBe(false);
    expect(client.getQueryData(queryKeys.mediaItem('m2'))).toBeUndefined();
    expect(client.getQueryState(queryKeys.mediaStats)?.isInvalidated).toBe(true);
  });

  it('media.deleted also takes the deleted results off their jobs, so tiles and the queue stop showing them', () => {
    const { client, emit } = setup();
    const result = (id: string) => ({ id, url: `/media/${id}`, thumbUrl: null });
    client.setQueryData(
      queryKeys.jobs,
      pages([job('j1', 'succeeded', { results: [result('m1'), result('m2')] }), job('j2', 'succeeded', { results: [result('m3')] })]),
    );

    emit('media.deleted', { userId: 'u1', ids: ['m2', 'm3'] });

    const jobs = client.getQueryData<InfiniteData<JobsPage>>(queryKeys.jobs)!.pages[0]!.items;
    expect(jobs.map((j) => [j.id, j.results.map((r) => r.id)])).toEqual([
      ['j1', ['m1']],
      ['j2', []],
    ]);
    expect(client.getQueryState(queryKeys.jobs)?.isInvalidated).toBe(false);
  });
});

describe('connectLiveUpdates', () => {
  it('listens to every event that touches the cache, once, and lets go of all of them', () => {
    const { listeners, disconnect } = setup();
    expect([...listeners.keys()].sort()).toEqual(['job.updated', 'media.created', 'media.deleted', 'models.changed', 'quota.changed']);
    expect([...listeners.values()].map((s) => s.size)).toEqual([1, 1, 1, 1, 1]);
    disconnect();
    expect([...listeners.values()].map((s) => s.size)).toEqual([0, 0, 0, 0, 0]);
  });
});
