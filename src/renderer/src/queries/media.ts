import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { MediaItem } from '../../../shared/contract/routes/media';
import type { RouteInput, RouteOutput } from '../../../shared/contract/types';
import { MEDIA_BATCH_MAX } from '../../../shared/domain/media';
import { call } from '../ipc/client';
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

/** Page size of the gallery picker: a modal shows fewer thumbnails than the gallery grid. */
export const PICKER_PAGE_SIZE = 24;

/**
 * One kind of the person's own items for the gallery picker (generation inputs). Scoped to
 * `userId` even for admins: the picker offers "your recent images", not every managed user's.
 * `limit` is part of the key, so these pages never share a cache entry with the gallery's own
 * list (whose filters never carry a limit), yet sit under the list prefix: new and deleted
 * items update them like every other loaded list.
 */
export function usePickerPages(kind: 'image' | 'input', userId: string, query: string) {
  const filters = { kind, userId, limit: PICKER_PAGE_SIZE, ...(query ? { query } : {}) };
  return useInfiniteQuery({
    queryKey: queryKeys.mediaList(filters),
    queryFn: ({ pageParam }) => call('media.list', { ...filters, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // while a new search loads, the last results stay (and stay choosable) instead of blanking
    placeholderData: keepPreviousData,
    // each opening asks again, so the choice is current even if an event was missed while it was closed
    staleTime: 0,
  });
}

/**
 * The newest `limit` items of the person's own library (all kinds), for the profile. It is an
 * infinite query of which only the first page is ever loaded: every list cache under the list
 * prefix has that shape, and that is what lets deletions drop items from it (updateListedItems).
 */
export function useRecentMedia(userId: string, limit: number) {
  const filters = { userId, limit, recent: true };
  return useInfiniteQuery({
    queryKey: queryKeys.mediaList(filters),
    queryFn: () => call('media.list', { userId, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: () => undefined,
  });
}

export function useMediaDetails(id: string | null) {
  return useQuery({ queryKey: queryKeys.mediaItem(id ?? ''), queryFn: () => call('media.get', { id: id! }), enabled: id !== null });
}

export function useMediaStats() {
  return useQuery({ queryKey: queryKeys.mediaStats, queryFn: () => call('media.stats') });
}

/** How many items the gallery view with these filters holds (a search or filter is counted up to a cap). */
export function useMediaCount(filters: MediaFilters) {
  return useQuery({ queryKey: queryKeys.mediaCount(filters), queryFn: () => call('media.count', filters) });
}

/**
 * The version tree an item belongs to (its root and every version the person may see). Stepping to
 * another version of the same tree keeps showing the tree while its own answer loads, so the strip's
 * buttons (and the focus on the one just pressed) stay in place.
 */
export function useMediaVersions(id: string) {
  return useQuery({
    queryKey: queryKeys.mediaVersions(id),
    queryFn: () => call('media.versions', { id }),
    placeholderData: (previous) => (previous?.items.some((item) => item.id === id) ? previous : undefined),
  });
}

export function useMediaCapabilities() {
  return useQuery({ queryKey: queryKeys.mediaCapabilities, queryFn: () => call('media.capabilities.get'), staleTime: Infinity });
}

/** Applies `change` to every loaded copy of the listed items (all filters, all pages). */
function updateListedItems(client: QueryClient, change: (items: MediaItem[]) => MediaItem[]): void {
  client.setQueriesData<InfiniteData<MediaPage>>({ queryKey: queryKeys.mediaLists }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, items: change(page.items) })) } : data,
  );
}

/** Drops deleted items from every loaded list (after a delete here, or `media.deleted` from main). */
export function removeListedItems(client: QueryClient, ids: readonly string[]): void {
  const gone = new Set(ids);
  updateListedItems(client, (items) => items.filter((item) => !gone.has(item.id)));
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
      removeListedItems(client, deleted);
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
