import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { MediaTile } from './MediaTile';
import styles from './GalleryGrid.module.css';

const MIN_TILE = 180;
const GAP = 8;
const PADDING = 12;

export interface GalleryGridProps {
  items: MediaItem[];
  selectedIds: ReadonlySet<string>;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  onOpen: (index: number) => void;
  onToggle: (index: number, range: boolean) => void;
  /** scrolls to this item and focuses its tile (after the lightbox closes, or arrow keys) */
  focusRequest: { index: number } | null;
}

/**
 * The virtualized grid: rows of square tiles, as many columns as fit. Only the rows in view (plus
 * two either side) are in the DOM, so 100 000 items cost what a screenful costs. Reaching the last
 * rows loads the next keyset page. Arrow keys move between tiles.
 */
export function GalleryGrid(props: GalleryGridProps) {
  const { items, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const inner = Math.max(0, width - PADDING * 2);
  const columns = Math.max(1, Math.floor((inner + GAP) / (MIN_TILE + GAP)));
  const tile = Math.max(80, Math.floor((inner - GAP * (columns - 1)) / columns));
  const dataRows = Math.ceil(items.length / columns);
  const rowCount = dataRows + (hasNextPage ? 1 : 0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => tile + GAP,
    overscan: 2,
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, tile]);

  const rows = virtualizer.getVirtualItems();
  const lastVisibleRow = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisibleRow >= dataRows - 3) fetchNextPage();
  }, [lastVisibleRow, dataRows, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const focusTile = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(Math.floor(index / columns), { align: 'auto' });
      // the row may only be rendered after the scroll: try again on the next frames
      let attempts = 0;
      const tryFocus = () => {
        const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-tile-index="${index}"]`);
        if (button) button.focus();
        else if (attempts++ < 10) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [virtualizer, columns],
  );

  useEffect(() => {
    if (props.focusRequest && props.focusRequest.index < items.length) focusTile(props.focusRequest.index);
  }, [props.focusRequest, focusTile, items.length]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((event.target as HTMLElement).dataset.tileIndex);
    if (!Number.isInteger(current)) return;
    const step: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns };
    let next: number | undefined;
    if (event.key in step) next = current + step[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    focusTile(Math.min(items.length - 1, Math.max(0, next)));
  };

  return (
    <div ref={scrollRef} className={styles.scroll} data-testid="gallery-scroll" onKeyDown={onKeyDown}>
      <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }} role="list" aria-label="Gallery items">
        {rows.map((row) => {
          if (row.index >= dataRows) {
            return (
              <div key="loader" className={`${styles.row} ${styles.loader}`} style={{ transform: `translateY(${row.start}px)`, height: row.size }}>
                <span aria-live="polite">Loading more…</span>
              </div>
            );
          }
          const start = row.index * columns;
          return (
            <div
              key={row.key}
              className={styles.row}
              style={{ transform: `translateY(${row.start}px)`, gap: GAP, paddingInline: PADDING, height: tile }}
              role="none"
            >
              {items.slice(start, start + columns).map((item, offset) => (
                <MediaTile
                  key={item.id}
                  item={item}
                  index={start + offset}
                  size={tile}
                  selected={props.selectedIds.has(item.id)}
                  selecting={props.selectedIds.size > 0}
                  onOpen={props.onOpen}
                  onToggle={props.onToggle}
                />
              ))}
            </div>
          );
        })}
      </div>
      {!hasNextPage && items.length > 0 && <p className={`muted ${styles.end}`}>End of the gallery · {items.length} items</p>}
    </div>
  );
}

function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
