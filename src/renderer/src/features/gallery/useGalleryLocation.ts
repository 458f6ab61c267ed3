import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useMemo, useRef } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { useMediaDetails } from '../../queries/media';
import type { ToolbarValues } from './GalleryToolbar';
import { searchOf, toolbarOf } from './gallerySearch';

const galleryRoute = getRouteApi('/gallery');

/** The gallery's filters as the location holds them; a change is a new history entry. */
export function useGalleryFilters(): { toolbar: ToolbarValues; setToolbar: (values: ToolbarValues) => void } {
  const search = galleryRoute.useSearch();
  const navigate = galleryRoute.useNavigate();
  // a stable object while the filters are the same (opening an item must not refetch the list)
  const key = JSON.stringify(toolbarOf(search));
  const toolbar = useMemo(() => JSON.parse(key) as ToolbarValues, [key]);
  return { toolbar, setToolbar: (values) => void navigate({ search: searchOf(values) }) };
}

/**
 * The item open in the lightbox, from the location (`?item=<id>`). Opening pushes an entry, so
 * Back closes it; stepping with ←/→ replaces it; closing goes back when this page opened it and
 * otherwise (a link, the toast's "Open") drops the item in place. An item that is not among the
 * loaded pages (a link to an older one) is asked of main and shown alone.
 */
export function useLightboxLocation(items: MediaItem[], listLoaded: boolean) {
  const search = galleryRoute.useSearch();
  const navigate = galleryRoute.useNavigate();
  const history = useRouter().history;
  const openedHere = useRef(false);
  const listedIndex = search.item ? items.findIndex((i) => i.id === search.item) : -1;
  const single = useMediaDetails(search.item && listedIndex < 0 && listLoaded ? search.item : null).data;
  const lightboxItems = listedIndex >= 0 || !single ? items : [single];
  const index = listedIndex >= 0 ? listedIndex : single ? 0 : null;

  const show = (id: string | undefined, how: 'open' | 'step') => {
    if (id === undefined) return;
    if (how === 'open') openedHere.current = true;
    void navigate({ search: (s) => ({ ...s, item: id }), replace: how === 'step' });
  };
  return {
    items: lightboxItems,
    index,
    /** whether the open item is one of the grid's (its tile can take the focus back) */
    listed: listedIndex >= 0,
    open: (at: number) => show(lightboxItems[at]?.id, 'open'),
    step: (at: number) => show(lightboxItems[at]?.id, 'step'),
    /** shows the item with this id in place (a version of the open one), listed or not */
    showId: (id: string) => show(id, 'step'),
    close: () => {
      if (openedHere.current) {
        openedHere.current = false;
        history.back();
      } else {
        void navigate({ search: ({ item: _closed, ...rest }) => rest, replace: true });
      }
    },
  };
}
