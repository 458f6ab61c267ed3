import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { formatDay, localDayKey } from '../../components/format';
import { aspectOf, justifiedRows, rowOfItem, verticalNeighbour } from './justifiedLayout';
import { MediaTile } from './MediaTile';
import styles from './GalleryGrid.module.css';

/** Height a row aims for; full rows are scaled (down, mostly) so their tiles fill the width exactly. */
const TARGET_ROW = 190;
const HEADING = 36;
const GAP = 8;
const PADDING = 12;
const LOADER = 64;

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
  /** an admin's view: tiles of other people's items name their owner; null for everyone else */
  viewerId: string | null;
}

/**
 * The virtualized grid: justified rows (each tile keeps its item's aspect ratio, full rows fill the
 * width) under a heading per local day, laid out by the pure `justifiedRows`. Only the rows in view
 * (plus two either side) are in the DOM, so 100 000 items cost what a screenful costs. Reaching the
 * last rows loads the next keyset page. Arrow keys move between tiles, ↑/↓ to the nearest tile above
 * or below.
 */
export function GalleryGrid(props: GalleryGridProps) {
  const { items, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const inner = Math.max(0, width - PADDING * 2);

  const layout = useMemo(() => {
    const rows = justifiedRows(
      items.map((item) => ({ aspect: aspectOf(item.width, item.height), day: localDayKey(item.createdAt) })),
      { width: inner, targetHeight: TARGET_ROW, gap: GAP, headingHeight: HEADING },
    );
    return { rows, rowIndex: rowOfItem(rows, items.length) };
  }, [items, inner]);
  const { rows, rowIndex } = layout;
  // nothing is laid out before the width is known: a first pass at width 0 would mount every loaded
  // tile as a one-pixel row (and start all their thumbnails) only to throw it away
  const rowCount = inner > 0 ? rows.length + (hasNextPage ? 1 : 0) : 0;

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (i < rows.length ? rows[i]!.height + (rows[i]!.kind === 'tiles' ? GAP : 0) : LOADER),
    overscan: 2,
    paddingStart: PADDING,
    paddingEnd: PADDING,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rows]);

  const visible = virtualizer.getVirtualItems();
  const lastVisibleRow = visible.at(-1)?.index ?? -1;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastVisibleRow >= rows.length - 4) fetchNextPage();
  }, [lastVisibleRow, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const focusTile = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(rowIndex[index] ?? 0, { align: 'auto' });
      // the row may only be rendered after the scroll: try again on the next frames
      let attempts = 0;
      const tryFocus = () => {
        const button = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-tile-index="${index}"]`);
        if (button) button.focus();
        else if (attempts++ < 10) requestAnimationFrame(tryFocus);
      };
      requestAnimationFrame(tryFocus);
    },
    [virtualizer, rowIndex],
  );

  useEffect(() => {
    if (props.focusRequest && props.focusRequest.index < items.length) focusTile(props.focusRequest.index);
  }, [props.focusRequest, focusTile, items.length]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((event.target as HTMLElement).dataset.tileIndex);
    if (!Number.isInteger(current)) return;
    let next: number | null | undefined;
    if (event.key === 'ArrowRight') next = current + 1;
    else if (event.key === 'ArrowLeft') next = current - 1;
    else if (event.key === 'ArrowDown') next = verticalNeighbour(rows, rowIndex, current, 1, GAP) ?? items.length - 1;
    else if (event.key === 'ArrowUp') next = verticalNeighbour(rows, rowIndex, current, -1, GAP) ?? 0;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    if (next === undefined || next === null) return;
    event.preventDefault();
    focusTile(Math.min(items.length - 1, Math.max(0, next)));
  };

  return (
    <div ref={scrollRef} className={styles.scroll} data-testid="gallery-scroll" onKeyDown={onKeyDown}>
      <div className={styles.rows} style={{ height: virtualizer.getTotalSize() }} role="list" aria-label="Gallery items">
        {visible.map((virtual) => {
          const row = rows[virtual.index];
          if (!row) {
            return (
              <div key="loader" className={`${styles.row} ${styles.loader}`} style={{ transform: `translateY(${virtual.start}px)`, height: LOADER }}>
                <span aria-live="polite">Loading more…</span>
              </div>
            );
          }
          if (row.kind === 'heading') {
            return (
              <div
                key={`day-${row.day}-${row.first}`}
                className={`${styles.row} ${styles.day}`}
                style={{ transform: `translateY(${virtual.start}px)`, height: row.height, paddingInline: PADDING }}
                role="listitem"
                data-testid="gallery-day"
              >
                <h2 className={styles.dayTitle}>{formatDay(items[row.first]!.createdAt)}</h2>
              </div>
            );
          }
          return (
            <div
              key={`row-${row.first}`}
              className={styles.row}
              style={{ transform: `translateY(${virtual.start}px)`, gap: GAP, paddingInline: PADDING, height: row.height }}
              role="none"
            >
              {row.widths.map((tileWidth, offset) => {
                const index = row.first + offset;
                const item = items[index]!;
                return (
                  <MediaTile
                    key={item.id}
                    item={item}
                    index={index}
                    width={tileWidth}
                    height={row.height}
                    owner={props.viewerId && item.owner && item.owner.userId !== props.viewerId ? item.owner.email : null}
                    selected={props.selectedIds.has(item.id)}
                    selecting={props.selectedIds.size > 0}
                    onOpen={props.onOpen}
                    onToggle={props.onToggle}
                  />
                );
              })}
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
