import type { MediaItem } from '../../../../shared/contract/routes/media';
import type { PickedImage } from './pickedImage';

/** The longest prompt excerpt used in a name; accessible names and chips stay readable. */
const NAME_CHARS = 60;

function excerpt(prompt: string, max: number): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * What a gallery item is called in the picker: its prompt, or — for an imported input, which has
 * none, and whose file name the list does not carry — "imported image" with when it was imported.
 */
export function pickName(item: Pick<MediaItem, 'prompt' | 'createdAt'>, formatTime: (ms: number) => string): string {
  return item.prompt?.trim() ? excerpt(item.prompt, NAME_CHARS) : `imported image from ${formatTime(item.createdAt)}`;
}

/** A chosen gallery item as an input slot: it already is a media id, so nothing is imported. */
export function toPickedImage(item: MediaItem, formatTime: (ms: number) => string): PickedImage {
  const name = pickName(item, formatTime);
  return { id: item.id, url: item.url, thumbUrl: item.thumbUrl, name: item.prompt?.trim() ? `“${excerpt(item.prompt, 40)}”` : name };
}

export type PickState = 'selectable' | 'selected' | 'missing' | 'already-added' | 'full';

/**
 * Whether an item's checkbox can be ticked: a missing file cannot be sent, an image already in the
 * slots would be sent twice (main refuses that), and no more than `room` may be chosen.
 */
export function pickState(
  item: Pick<MediaItem, 'id' | 'missing'>,
  chosen: readonly string[],
  alreadyAdded: readonly string[],
  room: number,
): PickState {
  if (chosen.includes(item.id)) return 'selected';
  if (item.missing) return 'missing';
  if (alreadyAdded.includes(item.id)) return 'already-added';
  return chosen.length >= room ? 'full' : 'selectable';
}

/**
 * Ticks or unticks one item, keeping the order of choice (the slots fill in that order). Whole
 * items are kept, not ids, so a choice survives a search that no longer lists it.
 */
export function togglePick<T extends { id: string }>(chosen: readonly T[], item: T, room: number): T[] {
  if (chosen.some((c) => c.id === item.id)) return chosen.filter((c) => c.id !== item.id);
  return chosen.length >= room ? [...chosen] : [...chosen, item];
}
