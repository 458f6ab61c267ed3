import { useRecentMedia } from '../../queries/media';
import { useNavigate } from '@tanstack/react-router';
import { tileLabel } from '../gallery/MediaTile';
import styles from './RecentWork.module.css';

export const RECENT_WORK_COUNT = 12;

/**
 * The person's newest items as thumbnails; each opens the Gallery on that item, where the lightbox,
 * details and actions live (the profile only shows what there is).
 */
export function RecentWork({ userId }: { userId: string }) {
  const navigate = useNavigate();
  const recent = useRecentMedia(userId, RECENT_WORK_COUNT);
  if (recent.isPending) return <p className="muted">Loading your recent work…</p>;
  if (recent.isError) {
    return (
      <p className="form-error" role="alert">
        Your recent work could not be loaded.
      </p>
    );
  }
  const items = recent.data.pages[0]?.items ?? [];
  if (items.length === 0) return <p className="muted">Nothing yet: what you generate or import appears here.</p>;
  // the gallery with this item open in the lightbox, where its details and actions are
  const openInGallery = (item: string) => void navigate({ to: '/gallery', search: { item } });
  return (
    <ul className={styles.list} aria-label="Your recent work">
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className={styles.item}
            data-testid="recent-work-item"
            aria-label={`${tileLabel(item)} — open the gallery`}
            onClick={() => openInGallery(item.id)}
          >
            {item.missing ? (
              <span className={styles.placeholder}>File missing</span>
            ) : item.thumbUrl ? (
              <img src={item.thumbUrl} alt="" loading="lazy" decoding="async" draggable={false} />
            ) : (
              <span className={styles.placeholder}>{item.kind === 'video' ? 'Video' : 'No preview'}</span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
