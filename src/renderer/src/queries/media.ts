import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MediaItem } from '../../../shared/contract/routes/media';
import type { RouteInput, RouteOutput } from '../../../shared/contract/types';
import { MEDIA_BATCH_MAX } from '../../../shared/domain/media';
import { call, onEvent } from '../ipc/client';
import { queryKeys } from './keys';

/** What the gallery toolbar filters by; the same object keys the list query. */
export type MediaFilters = Omit<RouteInput<'media.list'>, 'cursor' | 'limit'>;
type MediaPage = RouteOutput<'media.list'>;

export const GALLERY_PAGE_SIZE = 60;

/** Keyset pages of the gallery, loaded as the grid scrolls. */
export function useMediaPages(filters: MediaFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.mediaList(filters),
    queryFn: ({ pageParam }) => call('media.list', { ...filters, limit: GALLERY_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMediaDetails(id: string | null) {
  return useQuery({ queryKey: queryKeys.mediaItem(id ?? ''), queryFn: () => call('media.get', { id: id! }), enabled: id !== null });
}

export function useMediaStats() {
  return useQuery({ queryKey: queryKeys.mediaStats, queryFn: () => call('media.stats') });
}

export function useMediaCapabilities() {
  return useQuery({ queryKey: queryKeys.mediaCapabilities, queryFn: () => call('media.capabilities.get'), staleTime: Infinity });
}

/** Applies `change` to every loaded copy of the listed items (all filters, all pages). */
function updateListedItems(client: ReturnType<typeof useQueryClient>, change: (items: MediaItem[]) => MediaItem[]): void {
  client.setQueriesData<InfiniteData<MediaPage>>({ queryKey: queryKeys.mediaLists }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) } : data,
  );
}

/**
 * Keeps the gallery in step with main: new items (a finished job, an import in another window)
 * refetch the lists; deleted ones disappear from every loaded page at once.
 */
export function useMediaEvents(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offCreated = onEvent('media.created', () => {
      void client.invalidateQueries({ queryKey: queryKeys.media });
    });
    const offDeleted = onEvent('media.deleted', ({ ids }) => {
      const gone = new Set(ids);
      updateListedItems(client, (items) => items.filter((item) => !gone.has(item.id)));
      void client.invalidateQueries({ queryKey: queryKeys.mediaStats });
    });
    return () => {
      offCreated();
      offDeleted();
    };
  }, [client]);
}

export function useToggleFavorite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; favorite: boolean }) => call('media.favorite', input),
    onSuccess: ({ id, favorite }) => {
      updateListedItems(client, (items) => items.map((item) => (item.id === id ? { ...item, favorite } : item)));
      client.setQueryData<RouteOutput<'media.get'>>(queryKeys.mediaItem(id), (old) => (old ? { ...old, favorite } : old));
    },
  });
}

/** Deletes in batches the contract accepts; each batch is all-or-nothing in main. */
export function useDeleteMedia() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const deleted: string[] = [];
      for (const batch of batches(ids)) deleted.push(...(await call('media.delete', { ids: batch })).deleted);
      return deleted;
    },
    onSuccess: (deleted) => {
      const gone = new Set(deleted);
      updateListedItems(client, (items) => items.filter((item) => !gone.has(item.id)));
      for (const id of deleted) client.removeQueries({ queryKey: queryKeys.mediaItem(id) });
      void client.invalidateQueries({ queryKey: queryKeys.mediaStats });
    },
  });
}

export function useExportMedia() {
  return useMutation({
    mutationFn: async (ids: string[]) => {
      const results: RouteOutput<'media.export'>[] = [];
      for (const batch of batches(ids)) {
        const result = await call('media.export', { ids: batch });
        if (!result.exported) break; // the folder dialog was closed
        results.push(result);
      }
      return results;
    },
  });
}

export function useSaveMediaAs() {
  return useMutation({ mutationFn: (id: string) => call('media.save_as', { id }) });
}

export function useRevealMedia() {
  return useMutation({ mutationFn: (id: string) => call('media.reveal', { id }) });
}

function batches(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += MEDIA_BATCH_MAX) out.push(ids.slice(i, i + MEDIA_BATCH_MAX));
  return out;
}
