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
