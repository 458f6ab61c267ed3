import { useId, useRef, useState, type DragEvent } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { importImageFile, type PickedImage } from './importImage';

interface ImageSlotsProps {
  label: string;
  images: PickedImage[];
  onChange: (images: PickedImage[]) => void;
  max: number;
  /** shown under the label: what these images are for */
  hint?: string;
}

/**
 * A labelled set of input images: pick from disk, or drop files onto it. Each file is imported
 * into the media store at once, so the request carries ids, never bytes.
 */
export function ImageSlots({ label, images, onChange, max, hint }: ImageSlotsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
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

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void add([...event.dataTransfer.files]);
  }

  return (
    <fieldset
      className={`image-slots${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
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
      <ul className="slot-list">
        {images.map((image, index) => (
          <li key={image.id} className="slot">
            {image.thumbUrl ? <img src={image.thumbUrl} alt={image.name} /> : <span>{image.name}</span>}
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
      <span className="muted"> or drop files here ({images.length}/{max})</span>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
