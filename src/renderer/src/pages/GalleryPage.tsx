import { useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { isStudioError } from '../../../shared/contract/errors';
import { useDeleteMedia, useExportMedia, useMediaCount, useMediaPages, useMediaStats } from '../queries/media';
import type { GeneratorTarget } from '../stores/generatorIntent';
import { GalleryGrid } from '../features/gallery/GalleryGrid';
import { emptyToolbar, filtersOf, GalleryToolbar, isFiltered } from '../features/gallery/GalleryToolbar';
import { Lightbox } from '../features/gallery/Lightbox';
import { SelectionBar } from '../features/gallery/SelectionBar';
import { emptySelection, keepListed, selectAll, selectRange, type Selection, toggleOne } from '../features/gallery/selection';
import { useGalleryFilters, useLightboxLocation } from '../features/gallery/useGalleryLocation';
import styles from './GalleryPage.module.css';
import { plural } from '../../../shared/domain/plural';
import type { RouteOutput } from '../../../shared/contract/types';

export interface GalleryPageProps {
  /** admins get the user filter; by default known from `media.stats` (only admins get managed totals) */
  isAdmin?: boolean;
  /** the signed-in person: an admin's tiles of other people's items name the owner */
  viewerId?: string;
}

/**
 * The media library: a virtualized, keyset-paged grid with search and filters, a lightbox with
 * details and actions, and bulk selection for delete and export. The filters and the open item
 * live in the location (features/gallery/gallerySearch.ts), so back/forward and links return to them.
 */
export function GalleryPage({ isAdmin: isAdminProp, viewerId }: GalleryPageProps) {
  const stats = useMediaStats();
  const isAdmin = isAdminProp ?? (stats.data ? stats.data.managed !== null : false);
  const navigate = useNavigate();
  const { toolbar, setToolbar } = useGalleryFilters();
  const filters = useMemo(() => filtersOf(toolbar), [toolbar]);
  const pages = useMediaPages(filters);
  const filtered = isFiltered(toolbar);
  const count = useMediaCount(filters);
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const order = useMemo(() => items.map((i) => i.id), [items]);

  const [selection, setSelection] = useState<Selection>(emptySelection);
  const lightbox = useLightboxLocation(items, !pages.isPending);
  const [focusRequest, setFocusRequest] = useState<{ index: number } | null>(null);
  const [message, setMessage] = useState('');
  const deleteMedia = useDeleteMedia();
  const exportMedia = useExportMedia();

  useEffect(() => setSelection((s) => keepListed(s, order)), [order]);
  useEffect(() => setSelection(emptySelection), [filters]);

  const nextPage = pages.fetchNextPage;
  const fetchNextPage = useCallback(() => void nextPage(), [nextPage]);
  const onToggle = useCallback(
    (index: number, range: boolean) => {
      const id = order[index];
      if (id) setSelection((s) => (range ? selectRange(s, order, id) : toggleOne(s, id)));
    },
    [order],
  );
  const closeLightbox = () => {
    if (lightbox.index !== null && lightbox.listed) setFocusRequest({ index: Math.min(lightbox.index, items.length - 1) });
    lightbox.close();
  };
  // after a delete the lightbox shows the next item (the lightbox itself steps back at the end)
  const deleteFromLightbox = async (ids: string[]): Promise<boolean> => {
    const next = (lightbox.index ?? 0) + 1;
    const nextId = lightbox.items[next]?.id;
    const ok = await deleteIds(ids);
    if (ok && nextId && !ids.includes(nextId)) lightbox.step(next);
    return ok;
  };
  const openGenerator = (target: GeneratorTarget) => void navigate({ to: `/${target}` });
  const report = (error: unknown) => setMessage(isStudioError(error) ? error.message : 'That did not work. Try again.');
  const deleteIds = async (ids: string[]): Promise<boolean> => {
    try {
      const deleted = await deleteMedia.mutateAsync(ids);
      setMessage(deleted.length === 1 ? 'Deleted 1 item.' : `Deleted ${deleted.length} items.`);
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  return (
    <section className={styles.page} data-fills-window aria-labelledby="gallery-title">
      <header className={styles.header}>
        <div className={styles.titleRow}>
          <h1 id="gallery-title">Gallery</h1>
          <p className={styles.count} aria-live="polite" data-testid="gallery-count">
            {countText(count.data, filtered)}
          </p>
        </div>
        <GalleryToolbar values={toolbar} onChange={setToolbar} isAdmin={isAdmin} />
      </header>
      {selection.ids.size > 0 && (
        <SelectionBar
          count={selection.ids.size}
          loaded={items.length}
          onSelectAll={() => setSelection(selectAll(order))}
          onClear={() => setSelection(emptySelection)}
          onDelete={async () => {
            // focus goes to the tile that takes the place of the first deleted one
            const first = order.findIndex((id) => selection.ids.has(id));
            const ok = await deleteIds([...selection.ids]);
            if (ok) {
              setSelection(emptySelection);
              if (first >= 0) setFocusRequest({ index: Math.max(0, Math.min(first, items.length - selection.ids.size - 1)) });
            }
            return ok;
          }}
          exporting={exportMedia.isPending}
          onExport={() =>
            exportMedia.mutate([...selection.ids], {
              onSuccess: (results) => {
                if (results.length === 0) return;
                const files = results.reduce((n, r) => n + r.files, 0);
                const skipped = results.reduce((n, r) => n + r.skipped.length, 0);
                setMessage(
                  `Exported ${plural(files, 'file', 'files')} to ${results[0]!.path}${skipped ? ` (${plural(skipped, 'file was', 'files were')} missing and skipped)` : ''}.`,
                );
              },
              onError: report,
            })
          }
        />
      )}
      <p className={styles.message} role="status">
        {message}
      </p>

      {pages.isPending ? (
        <p className={styles.empty} aria-busy="true">
          Loading the gallery…
        </p>
      ) : pages.isError ? (
        <div className={styles.empty} role="alert">
          <p>{isStudioError(pages.error) ? pages.error.message : 'The gallery could not be loaded.'}</p>
          <button type="button" onClick={() => void pages.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className={styles.empty}>
          {isFiltered(toolbar) ? (
            <>
              <p>Nothing matches these filters.</p>
              <button type="button" onClick={() => setToolbar(emptyToolbar)}>
                Clear filters
              </button>
            </>
          ) : (
            <p>Your gallery is empty. Images and videos you generate or import appear here.</p>
          )}
        </div>
      ) : (
        <GalleryGrid
          items={items}
          selectedIds={selection.ids}
          hasNextPage={pages.hasNextPage}
          isFetchingNextPage={pages.isFetchingNextPage}
          fetchNextPage={fetchNextPage}
          onOpen={lightbox.open}
          onToggle={onToggle}
          focusRequest={focusRequest}
          viewerId={isAdmin ? (viewerId ?? null) : null}
        />
      )}

      {lightbox.index !== null && lightbox.items[lightbox.index] && (
        <Lightbox
          items={lightbox.items}
          index={lightbox.index}
          hasNextPage={lightbox.listed && pages.hasNextPage}
          fetchNextPage={fetchNextPage}
          onIndexChange={lightbox.step}
          onClose={closeLightbox}
          onDelete={deleteFromLightbox}
          onOpenGenerator={openGenerator}
          onMessage={setMessage}
          onShowItem={lightbox.showId}
        />
      )}
    </section>
  );
}

/** "100,000 items" for everything the person can see here, "214 results" for a search or filter. */
function countText(count: RouteOutput<'media.count'> | undefined, filtered: boolean): string {
  if (!count) return '';
  const [one, other] = filtered ? ['result', 'results'] : ['item', 'items'];
  if (count.capped) return `More than ${count.count.toLocaleString()} ${other}`;
  return `${count.count.toLocaleString()} ${count.count === 1 ? one : other}`;
}
