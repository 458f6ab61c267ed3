import { useCallback, useEffect, useMemo, useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { useDeleteMedia, useExportMedia, useMediaEvents, useMediaPages, useMediaStats } from '../../queries/media';
import type { GeneratorTarget } from '../../stores/generatorIntent';
import { GalleryGrid } from './GalleryGrid';
import { emptyToolbar, filtersOf, GalleryToolbar, isFiltered, type ToolbarValues } from './GalleryToolbar';
import { Lightbox } from './Lightbox';
import { SelectionBar } from './SelectionBar';
import { emptySelection, keepListed, selectAll, selectRange, type Selection, toggleOne } from './selection';

export interface GalleryPageProps {
  /** admins get the user filter; by default known from `media.stats` (only admins get managed totals) */
  isAdmin?: boolean;
  /** called after "reuse settings", "edit" or "animate" set the generator intent; the shell switches page */
  onOpenGenerator?: (target: GeneratorTarget) => void;
}

/**
 * The media library (SPEC §6): a virtualized, keyset-paged grid with search and filters, a
 * lightbox with details and actions, and bulk selection for delete and export.
 */
export function GalleryPage({ isAdmin: isAdminProp, onOpenGenerator }: GalleryPageProps) {
  useMediaEvents();
  const stats = useMediaStats();
  const isAdmin = isAdminProp ?? (stats.data ? stats.data.managed !== null : false);
  const [toolbar, setToolbar] = useState<ToolbarValues>(emptyToolbar);
  const filters = useMemo(() => filtersOf(toolbar), [toolbar]);
  const pages = useMediaPages(filters);
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const order = useMemo(() => items.map((i) => i.id), [items]);

  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [lightboxIndex, setLightboxIndex] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ index: number } | null>(null);
  const [message, setMessage] = useState('');
  const deleteMedia = useDeleteMedia();
  const exportMedia = useExportMedia();

  useEffect(() => setSelection((s) => keepListed(s, order)), [order]);
  useEffect(() => {
    setSelection(emptySelection);
    setLightboxIndex(null);
  }, [filters]);

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
    if (lightboxIndex !== null) setFocusRequest({ index: Math.min(lightboxIndex, items.length - 1) });
    setLightboxIndex(null);
  };
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
    <section className="gallery-page" aria-labelledby="gallery-title">
      <header className="gallery-header">
        <h1 id="gallery-title">Gallery</h1>
        <GalleryToolbar values={toolbar} onChange={setToolbar} isAdmin={isAdmin} />
      </header>
      {selection.ids.size > 0 && (
        <SelectionBar
          count={selection.ids.size}
          loaded={items.length}
          onSelectAll={() => setSelection(selectAll(order))}
          onClear={() => setSelection(emptySelection)}
          onDelete={async () => {
            const ok = await deleteIds([...selection.ids]);
            if (ok) setSelection(emptySelection);
            return ok;
          }}
          exporting={exportMedia.isPending}
          onExport={() =>
            exportMedia.mutate([...selection.ids], {
              onSuccess: (results) => {
                if (results.length === 0) return;
                const files = results.reduce((n, r) => n + r.files, 0);
                const skipped = results.reduce((n, r) => n + r.skipped.length, 0);
                setMessage(`Exported ${files} file(s) to ${results[0]!.path}${skipped ? ` (${skipped} missing, skipped)` : ''}.`);
              },
              onError: report,
            })
          }
        />
      )}
      <p className="gallery-message" role="status">
        {message}
      </p>

      {pages.isPending ? (
        <p className="gallery-empty" aria-busy="true">
          Loading the gallery…
        </p>
      ) : pages.isError ? (
        <div className="gallery-empty" role="alert">
          <p>{isStudioError(pages.error) ? pages.error.message : 'The gallery could not be loaded.'}</p>
          <button type="button" onClick={() => void pages.refetch()}>
            Try again
          </button>
        </div>
      ) : items.length === 0 ? (
        <div className="gallery-empty">
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
          onOpen={setLightboxIndex}
          onToggle={onToggle}
          focusRequest={focusRequest}
        />
      )}

      {lightboxIndex !== null && items[lightboxIndex] && (
        <Lightbox
          items={items}
          index={lightboxIndex}
          hasNextPage={pages.hasNextPage}
          fetchNextPage={fetchNextPage}
          onIndexChange={setLightboxIndex}
          onClose={closeLightbox}
          onDelete={deleteIds}
          onOpenGenerator={onOpenGenerator}
          onMessage={setMessage}
        />
      )}
    </section>
  );
}
