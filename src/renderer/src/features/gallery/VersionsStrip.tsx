import { useRef, useState } from 'react';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import { flattenVersionTree, type VersionEntry, versionName } from '../../../../shared/domain/versionTree';
import { useMediaVersions } from '../../queries/media';
import { CompareView } from './CompareView';
import styles from './VersionsStrip.module.css';

export interface VersionsStripProps {
  item: MediaItem;
  /** shows another version in the lightbox */
  onShow?: (id: string) => void;
}

/**
 * The lineage of the open item in the lightbox: the source it descends from and every version made
 * from it (edits of an image, refines and extensions of a video), in tree order, from
 * `media.versions`. Steps through them and opens the side-by-side comparison. Shows nothing for an
 * item that has no other version.
 */
export function VersionsStrip({ item, onShow }: VersionsStripProps) {
  const versions = useMediaVersions(item.id);
  const [comparing, setComparing] = useState(false);
  const compareButton = useRef<HTMLButtonElement>(null);
  const entries = versions.data ? flattenVersionTree(versions.data.items, versions.data.rootId) : [];
  if (entries.length < 2) return null;

  const at = entries.findIndex((e) => e.item.id === item.id);
  const current = entries[at];
  const parentIndex = current?.item.parentMediaId ? entries.findIndex((e) => e.item.id === current.item.parentMediaId) : -1;
  // compare the open version with what it was made from (or, for the original, with its first version)
  const initial: [number, number] = parentIndex >= 0 ? [parentIndex, at] : [Math.max(0, at), at + 1 < entries.length ? at + 1 : 0];

  return (
    <section className={styles.strip} aria-labelledby="versions-title" data-testid="versions-strip">
      <div className={styles.head}>
        <h3 id="versions-title" className={styles.title}>
          Versions <span className={styles.count}>({entries.length})</span>
        </h3>
        <div className={styles.actions}>
          <button type="button" onClick={() => onShow?.(entries[at - 1]!.item.id)} disabled={!onShow || at <= 0}>
            Previous version
          </button>
          <button type="button" onClick={() => onShow?.(entries[at + 1]!.item.id)} disabled={!onShow || at < 0 || at >= entries.length - 1}>
            Next version
          </button>
          <button type="button" ref={compareButton} onClick={() => setComparing(true)}>
            Compare…
          </button>
        </div>
      </div>
      <ol className={styles.list} aria-label="Versions of this item">
        {entries.map((entry) => {
          const isCurrent = entry.item.id === item.id;
          return (
            <li key={entry.item.id} className={styles.entry} data-depth={Math.min(entry.depth, 4)}>
              <button
                type="button"
                className={styles.thumb}
                aria-current={isCurrent ? 'true' : undefined}
                aria-label={`${versionName(entry)}${entry.depth > 0 ? `, made from version ${parentNumber(entries, entry)}` : ''}${entry.item.prompt ? `: ${entry.item.prompt}` : ''}`}
                title={entry.item.prompt ?? undefined}
                onClick={() => onShow?.(entry.item.id)}
                disabled={!onShow}
              >
                {entry.item.thumbUrl ? <img src={entry.item.thumbUrl} alt="" draggable={false} /> : <span className={styles.none}>—</span>}
                <span className={styles.number} aria-hidden="true">
                  {entry.number}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {versions.data?.truncated && <p className="muted">Only the first {entries.length} versions are shown.</p>}
      {comparing && (
        <CompareView
          entries={entries}
          initial={initial}
          onClose={() => {
            setComparing(false);
            compareButton.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function parentNumber(entries: VersionEntry<MediaItem>[], entry: VersionEntry<MediaItem>): number | string {
  return entries.find((e) => e.item.id === entry.item.parentMediaId)?.number ?? '?';
}
