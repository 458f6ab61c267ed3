import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { type VersionEntry, versionName } from '../../../../shared/domain/versionTree';
import styles from './CompareView.module.css';

export interface CompareViewProps {
  entries: VersionEntry<MediaItem>[];
  /** positions in `entries` shown left and right at first */
  initial: [number, number];
  onClose: () => void;
}

const ZOOMS = [1, 1.5, 2, 3, 4];
const FOCUSABLE = 'button:not([disabled]), select, [tabindex="0"]';

/**
 * Two versions side by side in one frame: the left version up to the divider, the right one after
 * it. Both pictures sit in the same box at the same zoom, so what moves between them is the change,
 * not the framing. The divider is dragged with the pointer or moved with the arrow keys (Shift for
 * fine steps, Home/End to the edges). Videos are compared by their poster frames. Keys stay inside
 * this view: Escape closes it and returns to the lightbox.
 */
export function CompareView({ entries, initial, onClose }: CompareViewProps) {
  const [left, setLeft] = useState(initial[0]);
  const [right, setRight] = useState(initial[1]);
  const [split, setSplit] = useState(50);
  const [zoom, setZoom] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const dividerRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => dividerRef.current?.focus(), []);

  const a = entries[left]!;
  const b = entries[right]!;
  const clamp = (value: number) => Math.min(100, Math.max(0, value));

  const moveTo = (clientX: number) => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (rect && rect.width > 0) setSplit(clamp(((clientX - rect.left) / rect.width) * 100));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    moveTo(event.clientX);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) moveTo(event.clientX);
  };
  const onPointerUp = () => {
    dragging.current = false;
  };

  const onDividerKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 1 : 5;
    const next: Record<string, number> = {
      ArrowLeft: split - step,
      ArrowRight: split + step,
      ArrowDown: split - step,
      ArrowUp: split + step,
      Home: 0,
      End: 100,
      PageDown: split - 20,
      PageUp: split + 20,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    setSplit(clamp(next[event.key]!));
  };

  // keys stay here: the lightbox behind must not step or close while the comparison is open
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Tab') {
      const focusable = [...(rootRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const scale = ZOOMS[zoom]!;
  const picture = (entry: VersionEntry<MediaItem>) => (entry.item.kind === 'video' ? entry.item.thumbUrl : entry.item.url);
  const choose = (label: string, value: number, onChange: (value: number) => void) => (
    <label className={styles.choose}>
      {label}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {entries.map((entry, index) => (
          <option key={entry.item.id} value={index}>
            {versionName(entry)}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div ref={rootRef} className={styles.overlay} role="dialog" aria-modal="true" aria-labelledby="compare-title" onKeyDown={onKeyDown}>
      <header className={styles.header}>
        <h2 id="compare-title" className={styles.title}>
          Compare versions
        </h2>
        <div className={styles.controls}>
          {choose('Left', left, setLeft)}
          {choose('Right', right, setRight)}
          <div className={styles.zoom} role="group" aria-label="Zoom">
            <button type="button" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}>
              Zoom out
            </button>
            <span className={styles.zoomValue} aria-live="polite">
              {scale === 1 ? 'Fit' : `${Math.round(scale * 100)} %`}
            </span>
            <button type="button" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1}>
              Zoom in
            </button>
          </div>
          <button type="button" onClick={onClose}>
            Close comparison
          </button>
        </div>
      </header>
      <div className={styles.stage} data-testid="compare-stage">
        <div
          ref={canvasRef}
          className={styles.canvas}
          style={{ width: `${scale * 100}%`, height: `${scale * 100}%` }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <Layer src={picture(a)} alt={`${versionName(a)}, left`} />
          <div className={styles.clip} style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
            <Layer src={picture(b)} alt={`${versionName(b)}, right`} />
          </div>
          <span className={`${styles.tag} ${styles.tagLeft}`} aria-hidden="true">
            {versionName(a)}
          </span>
          <span className={`${styles.tag} ${styles.tagRight}`} aria-hidden="true">
            {versionName(b)}
          </span>
          <div
            ref={dividerRef}
            className={styles.divider}
            style={{ left: `${split}%` }}
            role="slider"
            tabIndex={0}
            aria-label="Divider"
            aria-orientation="horizontal"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(split)}
            aria-valuetext={`${Math.round(split)} % ${versionName(a)}, the rest ${versionName(b)}`}
            data-testid="compare-divider"
            onKeyDown={onDividerKey}
          >
            <span className={styles.handle} aria-hidden="true">
              ⇔
            </span>
          </div>
        </div>
      </div>
    </div>
  );
}

function Layer({ src, alt }: { src: string | null; alt: string }) {
  return src ? <img className={styles.layer} src={src} alt={alt} draggable={false} /> : <p className={styles.noPicture}>{alt}: no picture</p>;
}
