import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { useMe } from '../../queries/auth';
import { GalleryPicker } from './GalleryPicker';
import { SlotThumb } from './SlotThumb';
import { importImageFile, type PickedImage } from './importImage';
import styles from './ImageSlots.module.css';

interface ImageSlotsProps {
  label: string;
  images: PickedImage[];
  onChange: (images: PickedImage[]) => void;
  max: number;
  /** shown under the label: what these images are for */
  hint?: string;
  /** ids chosen in another slot set of the same request: main refuses an image listed twice */
  usedElsewhere?: readonly string[];
}

/**
 * A labelled set of input images: pick from disk, drop files onto it, or choose from the gallery.
 * Each file is imported into the media store at once, so the request carries ids, never bytes;
 * gallery items already are media ids and are used as they are.
 */
export function ImageSlots({ label, images, onChange, max, hint, usedElsewhere = [] }: ImageSlotsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const galleryButtonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const userId = useMe().data?.userId;
  const [picking, setPicking] = useState(false);
  const wasPicking = useRef(false);
  const [busy, setBusy] = useState(false);
  // what was refused, and the images it was refused beside: a later change of the inputs retires it
  const [refused, setRefused] = useState<{ with: PickedImage[]; messages: string[] }>({ with: images, messages: [] });
  const messages = refused.with === images ? refused.messages : [];
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const full = images.length >= max;

  // Every file is tried; each one refused gets its own message naming it, so one bad file among
  // several never hides another or takes the good ones down with it.
  async function add(files: File[]) {
    if (files.length === 0) return;
    const room = Math.max(0, max - images.length);
    const problems: string[] = [];
    setBusy(true);
    const added: PickedImage[] = [];
    for (const file of files.slice(0, room)) {
      try {
        added.push(await importImageFile(file));
      } catch (e) {
        problems.push(isStudioError(e) ? e.message : `${file.name} could not be added.`);
      }
    }
    const left = files.slice(room).map((f) => f.name);
    if (left.length > 0) {
      problems.push(
        `${listNames(left)} ${left.length === 1 ? 'was' : 'were'} left out: ${label.toLowerCase()} takes ${max} image${max === 1 ? '' : 's'}.`,
      );
    }
    setBusy(false);
    const next = added.length > 0 ? [...images, ...added] : images;
    if (added.length > 0) onChange(next);
    setRefused({ with: next, messages: problems });
  }

  // Focus goes back to "From gallery" once the picker has closed (the page is inert until then).
  // If choosing filled the slots that button is disabled; the last chosen image's Remove button is
  // then the nearest place to continue from.
  useEffect(() => {
    if (picking || !wasPicking.current) return;
    wasPicking.current = false;
    const button = galleryButtonRef.current;
    if (button && !button.disabled) button.focus();
    else listRef.current?.querySelector<HTMLButtonElement>('li:last-child button')?.focus();
  }, [picking]);

  function openPicker() {
    wasPicking.current = true;
    setPicking(true);
  }

  // The picker is portalled out of the fieldset but React still bubbles its events here: a drop
  // on the open picker must not import into the slots behind it (nor open the file as a page).
  const fromOutside = (event: DragEvent) => !event.currentTarget.contains(event.target as Node);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (fromOutside(event)) return;
    void add([...event.dataTransfer.files]);
  }

  return (
    <fieldset
      className={dragging ? `${styles.slots} ${styles.dragging}` : styles.slots}
      onDragOver={(e) => {
        e.preventDefault();
        if (!fromOutside(e)) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-describedby={hint ? hintId : undefined}
      aria-busy={busy}
    >
      <legend>{label}</legend>
      {hint && (
        <p id={hintId} className="muted">
          {hint}
        </p>
      )}
      {/* one image (a source, a frame) is shown large enough to judge; several stay thumbnails */}
      <ul className={max === 1 ? `${styles.list} ${styles.single}` : styles.list} ref={listRef}>
        {images.map((image, index) => (
          <li key={image.id} className={styles.slot}>
            <SlotThumb image={image} />
            <button
              type="button"
              className={styles.remove}
              aria-label={`Remove ${image.name}`}
              onClick={() => onChange(images.filter((_, i) => i !== index))}
            >
              {max === 1 ? 'Remove' : '×'}
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={inputRef}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        multiple={max - images.length > 1}
        hidden
        onChange={(e) => {
          void add([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <button type="button" disabled={full || busy} onClick={() => inputRef.current?.click()}>
        {busy ? 'Adding…' : `Add ${label.toLowerCase()}`}
      </button>
      <button type="button" ref={galleryButtonRef} aria-label={`${label} from gallery`} disabled={full || busy || !userId} onClick={openPicker}>
        From gallery
      </button>
      <span className="muted">
        {' '}
        or drop files here ({images.length}/{max})
      </span>
      {picking && userId && (
        <GalleryPicker
          label={label}
          userId={userId}
          room={max - images.length}
          alreadyAdded={[...images.map((image) => image.id), ...usedElsewhere]}
          onClose={() => setPicking(false)}
          onPick={(picked) => {
            setPicking(false);
            onChange([...images, ...picked]);
          }}
        />
      )}
      {messages.length > 0 && (
        <ul className={`form-error ${styles.refused}`} role="alert" aria-label={`Not added to ${label.toLowerCase()}`}>
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

/** "a.png", "a.png and b.png", "a.png, b.png and c.png" */
function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
