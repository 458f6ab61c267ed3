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
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const full = images.length >= max;

  async function add(files: File[]) {
    setError(null);
    const room = max - images.length;
    if (files.length > room) setError(`Only ${max} image${max === 1 ? '' : 's'} here; the rest were left out.`);
    setBusy(true);
    const added: PickedImage[] = [];
    try {
      for (const file of files.slice(0, Math.max(0, room))) added.push(await importImageFile(file));
    } catch (e) {
      setError(isStudioError(e) ? e.message : 'The image could not be added.');
    } finally {
      setBusy(false);
      if (added.length) onChange([...images, ...added]);
    }
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
    setError(null);
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
      <ul className={styles.list} ref={listRef}>
        {images.map((image, index) => (
          <li key={image.id} className={styles.slot}>
            <SlotThumb image={image} />
            <button type="button" aria-label={`Remove ${image.name}`} onClick={() => onChange(images.filter((_, i) => i !== index))}>
              ×
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
