import { useId, useState } from 'react';
import { createPortal } from 'react-dom';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { Modal } from '../../components/Modal';
import { usePickerPages } from '../../queries/media';
import { formatDateTime } from '../../components/format';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { type PickState, pickName, pickState, togglePick, toPickedImage } from './galleryPick';
import type { PickedImage } from './pickedImage';
import { mergeNewest } from './mergeNewest';
import styles from './GalleryPicker.module.css';

interface GalleryPickerProps {
  /** what the images are for ("Source image"), for the title */
  label: string;
  userId: string;
  /** how many more images the slots take */
  room: number;
  /** ids already in the slots: choosing one again would send it twice */
  alreadyAdded: readonly string[];
  onPick: (images: PickedImage[]) => void;
  onClose: () => void;
}

/**
 * Choose input images from the person's own library: generated images and imported inputs, newest
 * first. The route lists one kind per call, so both kinds are paged separately and merged
 * (mergeNewest), which keeps the order right however the two are interleaved in time.
 *
 * Rendered into <body>: the slots sit inside a generator <form>, and Enter in the search box must
 * not submit that form.
 */
export function GalleryPicker({ label, userId, room, alreadyAdded, onPick, onClose }: GalleryPickerProps) {
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 250);
  const [chosen, setChosen] = useState<MediaItem[]>([]);
  const chosenIds = chosen.map((item) => item.id);
  const statusId = useId();
  const images = usePickerPages('image', userId, query);
  const inputs = usePickerPages('input', userId, query);
  const lists = [images, inputs];

  // a few hundred items at most: merging on every render is cheaper than keeping it in step
  const merged = mergeNewest(
    lists.map((list) => ({
      items: list.data?.pages.flatMap((page) => page.items) ?? [],
      // not loaded yet (or failed): it may hold the newest items, so it holds the others back
      hasMore: list.data ? list.hasNextPage : true,
    })),
  );
  const failed = lists.find((list) => list.isError);
  const loading = lists.some((list) => list.isPending && !list.isError);
  // a new search's first pages are still coming: the shown ones are the previous search's
  const fetchingMore = lists.some((list) => list.isFetchingNextPage || list.isPlaceholderData);

  const loadMore = () => {
    for (const index of merged.toLoad) void lists[index]?.fetchNextPage();
  };
  const use = () => {
    onPick(chosen.map((item) => toPickedImage(item, formatDateTime)));
  };
  const title = `${label} from your gallery`;

  return createPortal(
    <Modal title={title} onClose={onClose} wide className={styles.picker}>
      <label htmlFor={`${statusId}-search`} className={styles.search}>
        Search prompts
      </label>
      <input
        id={`${statusId}-search`}
        type="search"
        value={search}
        placeholder="Words from the prompt"
        aria-describedby={statusId}
        onChange={(e) => setSearch(e.target.value)}
      />
      <p id={statusId} className="muted" aria-live="polite">
        {room === 1 ? 'Choose one image.' : `Choose up to ${room} images.`} {chosen.length} chosen.
        {query && ' Search looks in prompts, so imported images (which have none) are not found by it.'}
      </p>

      {failed && (
        <div role="alert" className="form-error">
          Your images could not be loaded.{' '}
          <button type="button" className="link" onClick={() => lists.forEach((list) => list.isError && void list.refetch())}>
            Try again
          </button>
        </div>
      )}
      {loading && !failed && <p className="muted">Loading your images…</p>}
      {!loading && !failed && merged.items.length === 0 && !merged.hasMore && (
        <p className="muted">{query ? `No image’s prompt matches “${query}”.` : 'No images yet: generated and imported images appear here.'}</p>
      )}

      <ul className={styles.grid} aria-label="Your images">
        {merged.items.map((item) => (
          <PickerTile
            key={item.id}
            item={item}
            state={pickState(item, chosenIds, alreadyAdded, room)}
            onToggle={() => setChosen((c) => togglePick(c, item, room))}
          />
        ))}
      </ul>

      <div className={`form-actions ${styles.actions}`}>
        {merged.hasMore && !loading && !failed && (
          <button type="button" onClick={loadMore} disabled={fetchingMore || merged.toLoad.length === 0}>
            {fetchingMore ? 'Loading…' : 'Load more'}
          </button>
        )}
        <span className={styles.actionsEnd}>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={use}>
            Use selected
          </button>
        </span>
      </div>
    </Modal>,
    document.body,
  );
}

const STATE_NOTE: Partial<Record<PickState, string>> = {
  selected: 'Chosen',
  missing: 'File missing',
  'already-added': 'Already added',
};

/** Day and time without the year: fits under a thumbnail, and the picker lists recent work. */

/**
 * One thumbnail; the checkbox is the control (named "Use …"), the picture and caption only its
 * label. The caption's second line (state and time) is the checkbox's description.
 */
function PickerTile({ item, state, onToggle }: { item: MediaItem; state: PickState; onToggle: () => void }) {
  const note = STATE_NOTE[state];
  const detailsId = useId();
  const unavailable = state === 'missing' || state === 'already-added';
  return (
    <li
      className={[styles.tile, state === 'selected' ? styles.selected : '', unavailable ? styles.unavailable : ''].join(' ').trim()}
      data-testid="picker-tile"
    >
      <label>
        <input
          type="checkbox"
          aria-label={`Use ${pickName(item, formatDateTime)}`}
          aria-describedby={detailsId}
          checked={state === 'selected'}
          disabled={unavailable || state === 'full'}
          onChange={onToggle}
        />
        {item.missing || !item.thumbUrl ? (
          <span className={styles.placeholder}>{item.missing ? 'File missing' : 'No preview'}</span>
        ) : (
          <img src={item.thumbUrl} alt="" loading="lazy" decoding="async" draggable={false} />
        )}
        <span className={styles.caption}>
          <span className={styles.captionTitle}>{item.prompt?.trim() || 'Imported image'}</span>
          <span id={detailsId}>
            {note ? <strong>{note} · </strong> : null}
            {formatDateTime(item.createdAt)}
          </span>
        </span>
      </label>
    </li>
  );
}
