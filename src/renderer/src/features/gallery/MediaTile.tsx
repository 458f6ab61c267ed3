import type { MouseEvent } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { formatDuration } from './format';
import styles from './MediaTile.module.css';

export interface MediaTileProps {
  item: MediaItem;
  index: number;
  width: number;
  height: number;
  /** the owner's email, on an admin's view of someone else's item */
  owner: string | null;
  selected: boolean;
  /** selection mode: a plain click toggles instead of opening */
  selecting: boolean;
  onOpen: (index: number) => void;
  onToggle: (index: number, range: boolean) => void;
}

/**
 * One gallery tile at its item's aspect ratio: thumbnail or poster (or a placeholder), badges (a
 * video's duration, favourite), the owner on an admin's view of someone else's item, and a checkbox
 * for bulk selection.
 */
export function MediaTile({ item, index, width, height, owner, selected, selecting, onOpen, onToggle }: MediaTileProps) {
  const label = tileLabel(item);
  const ownerId = `tile-owner-${item.id}`;
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (event.shiftKey) onToggle(index, true);
    else if (event.ctrlKey || event.metaKey || selecting) onToggle(index, false);
    else onOpen(index);
  };
  return (
    <div
      className={selected ? `${styles.tile} ${styles.selected}` : styles.tile}
      data-testid="media-tile"
      data-index={index}
      role="listitem"
      style={{ width, height }}
    >
      <button
        type="button"
        className={styles.open}
        aria-label={label}
        aria-describedby={owner ? ownerId : undefined}
        data-tile-index={index}
        onClick={onClick}
      >
        {item.missing ? (
          <span className={styles.missing}>File missing</span>
        ) : item.thumbUrl ? (
          // not loading="lazy": the grid is virtualized, so a tile in the DOM is on screen or about to
          // be, and lazy loading only held each fetch back until a layout and an intersection check
          <img src={item.thumbUrl} alt="" decoding="async" draggable={false} />
        ) : (
          <span className={styles.placeholder}>{item.kind === 'video' ? 'Video' : 'No preview'}</span>
        )}
      </button>
      <input
        type="checkbox"
        className={styles.check}
        aria-label={`Select ${label}`}
        checked={selected}
        onChange={() => {}}
        onClick={(event) => onToggle(index, event.shiftKey)}
      />
      <span className={styles.badges} aria-hidden="true">
        {item.favorite && <span className={styles.badge}>★</span>}
        {item.kind === 'video' && (
          <span className={styles.badge}>
            <span className={styles.play}>▶</span> {item.durationMs ? formatDuration(item.durationMs) : 'Video'}
          </span>
        )}
        {item.kind === 'input' && <span className={styles.badge}>Input</span>}
      </span>
      {owner && (
        <span id={ownerId} className={styles.owner} aria-hidden="true" data-testid="tile-owner">
          {owner}
        </span>
      )}
    </div>
  );
}

export function tileLabel(item: MediaItem): string {
  const what = item.kind === 'video' ? 'Video' : item.kind === 'input' ? 'Input image' : 'Image';
  const prompt = item.prompt ? `: ${item.prompt.length > 80 ? `${item.prompt.slice(0, 80)}…` : item.prompt}` : '';
  return `${what}${prompt}${item.missing ? ' (file missing)' : ''}`;
}
