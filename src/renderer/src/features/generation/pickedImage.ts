/**
 * An input image chosen for a generation: already a media id in main (imported from disk, or
 * picked from the gallery), with what the slot shows of it. Kept apart from the import code so
 * pure helpers (and their Node unit tests) can use it without the browser's file APIs.
 */
export interface PickedImage {
  id: string;
  thumbUrl: string | null;
  url: string;
  name: string;
}

/** A gallery item or result as a chosen input ("use as reference"), named by its prompt. */
export function pickedFromItem(item: { id: string; url: string; thumbUrl: string | null; prompt: string | null }): PickedImage {
  return { id: item.id, url: item.url, thumbUrl: item.thumbUrl, name: item.prompt ? `“${item.prompt.slice(0, 40)}”` : 'Gallery image' };
}

/** The inputs with one more at the end; an image already among them is not added twice. */
export function withInput(inputs: PickedImage[], added: PickedImage): PickedImage[] {
  return inputs.some((i) => i.id === added.id) ? inputs : [...inputs, added];
}
