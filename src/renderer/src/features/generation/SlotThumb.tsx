import { useMediaDetails } from '../../queries/media';
import type { PickedImage } from './importImage';

/**
 * A chosen input's picture. Inputs carried over from an earlier request arrive as ids only; their
 * thumbnail URL is asked of main (the renderer never builds one). An input that is gone since
 * shows its name and main's refusal at Generate says so.
 */
export function SlotThumb({ image }: { image: PickedImage }) {
  const details = useMediaDetails(image.thumbUrl ? null : image.id);
  const thumbUrl = image.thumbUrl ?? details.data?.thumbUrl ?? null;
  return thumbUrl ? <img src={thumbUrl} alt={image.name} /> : <span>{image.name}</span>;
}
