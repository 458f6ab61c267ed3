/**
 * The completion toast's "Open": a generator page whose canvas shows the result opens it in its
 * own lightbox, where the person is; otherwise the gallery opens it (AppShell). Canvases register
 * while they are mounted.
 */
type Opener = (mediaId: string) => boolean;
const openers = new Set<Opener>();

export function registerResultOpener(opener: Opener): () => void {
  openers.add(opener);
  return () => openers.delete(opener);
}

/** True when a canvas on screen took it. */
export function openResultInCanvas(mediaId: string): boolean {
  for (const open of openers) if (open(mediaId)) return true;
  return false;
}
