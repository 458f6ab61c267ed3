import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import type { GeneratorTarget } from '../../stores/generatorIntent';
import { ConfirmDelete } from './ConfirmDelete';
import { DetailsPanel } from './DetailsPanel';
import { MediaActions } from './MediaActions';
import { VersionsStrip } from './VersionsStrip';
import styles from './Lightbox.module.css';

export interface LightboxProps {
  items: MediaItem[];
  index: number;
  hasNextPage: boolean;
  fetchNextPage: () => void;
  onIndexChange: (index: number) => void;
  onClose: () => void;
  onDelete: (ids: string[]) => Promise<boolean>;
  onOpenGenerator?: (target: GeneratorTarget) => void;
  onMessage: (message: string) => void;
  /** shows another item by id (a version of this one), listed in the gallery or not */
  onShowItem?: (id: string) => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, video[controls], [tabindex]:not([tabindex="-1"])';

/**
 * One item at full size with its details. ←/→ step through the gallery (loading the next page at
 * the end), Esc closes, Delete asks before deleting. Focus stays inside while it is open; the
 * gallery puts it back on the item's tile when it closes.
 */
export function Lightbox(props: LightboxProps) {
  const { items, index, onIndexChange, onClose, hasNextPage, fetchNextPage } = props;
  const item = items[index];
  const dialogRef = useRef<HTMLDivElement>(null);
  const [confirming, setConfirming] = useState(false);
  // a cancelled delete gives focus back to Delete, so Escape and the trap keep working
  const refocusDelete = useRef(false);
  const cancelDelete = () => {
    refocusDelete.current = true;
    setConfirming(false);
  };
  useEffect(() => {
    if (confirming || !refocusDelete.current) return;
    refocusDelete.current = false;
    (dialogRef.current?.querySelector<HTMLElement>('[data-action="delete"]') ?? dialogRef.current)?.focus();
  }, [confirming]);

  useEffect(() => {
    dialogRef.current?.focus();
  }, []);
  useEffect(() => setConfirming(false), [item?.id]);
  // stepping onto the last loaded item fetches the next page, so → keeps going
  useEffect(() => {
    if (index >= items.length - 2 && hasNextPage) fetchNextPage();
  }, [index, items.length, hasNextPage, fetchNextPage]);

  if (!item) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const typing = target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
    // a focused video uses the arrow keys to seek
    const media = target.tagName === 'VIDEO';
    if (event.key === 'Escape') {
      event.preventDefault();
      if (confirming) cancelDelete();
      else onClose();
    } else if (event.key === 'Tab') {
      trapFocus(event, dialogRef.current);
    } else if (confirming || typing || media) {
      return;
    } else if (event.key === 'ArrowRight' && index < items.length - 1) {
      event.preventDefault();
      onIndexChange(index + 1);
    } else if (event.key === 'ArrowLeft' && index > 0) {
      event.preventDefault();
      onIndexChange(index - 1);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      setConfirming(true);
    }
  };

  const titleId = `lightbox-title-${item.id}`;
  return (
    <div className={styles.backdrop}>
      <div ref={dialogRef} className={styles.lightbox} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <header className={styles.header}>
          <h2 id={titleId}>
            {item.kind === 'video' ? 'Video' : item.kind === 'input' ? 'Input image' : 'Image'} {index + 1} of {items.length}
            {props.hasNextPage ? '+' : ''}
          </h2>
          <div className={styles.nav}>
            <button type="button" onClick={() => onIndexChange(index - 1)} disabled={index === 0} aria-label="Previous item">
              ←
            </button>
            <button type="button" onClick={() => onIndexChange(index + 1)} disabled={index >= items.length - 1} aria-label="Next item">
              →
            </button>
            <button type="button" onClick={onClose} aria-label="Close">
              ✕
            </button>
          </div>
        </header>
        <div className={styles.body}>
          <div className={styles.media}>
            {item.missing ? (
              <p className={styles.missingFile} role="note">
                The file of this item is missing from the media folder. It may have been moved or deleted outside the studio.
              </p>
            ) : item.kind === 'video' ? (
              <video
                key={item.id}
                src={item.url}
                poster={item.thumbUrl ?? undefined}
                controls
                preload="metadata"
                aria-label={item.prompt ?? 'Video'}
              />
            ) : (
              <img key={item.id} src={item.url} alt={item.prompt ?? 'Imported image'} />
            )}
          </div>
          <aside className={styles.side}>
            {confirming ? (
              <ConfirmDelete
                count={1}
                onCancel={cancelDelete}
                onConfirm={async () => {
                  const deleted = await props.onDelete([item.id]);
                  setConfirming(false);
                  if (deleted && items.length <= 1) onClose();
                  else if (deleted && index >= items.length - 1) onIndexChange(index - 1);
                  dialogRef.current?.focus();
                }}
              />
            ) : (
              <MediaActions
                item={item}
                onRequestDelete={() => setConfirming(true)}
                onOpenGenerator={props.onOpenGenerator}
                onMessage={props.onMessage}
              />
            )}
            <VersionsStrip item={item} onShow={props.onShowItem} />
            <DetailsPanel item={item} />
          </aside>
        </div>
      </div>
    </div>
  );
}

/** Keeps Tab and Shift+Tab cycling inside the dialog. */
function trapFocus(event: KeyboardEvent, container: HTMLElement | null): void {
  if (!container) return;
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled'));
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
