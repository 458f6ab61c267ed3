/**
 * The type of a media file, read from its first bytes. A file name or a declared MIME type is never
 * trusted: a renamed HTML file must not be stored (and later served) as "image/png".
 */
export interface SniffedType {
  mimeType: 'image/png' | 'image/jpeg' | 'image/webp' | 'video/mp4' | 'video/webm';
  ext: 'png' | 'jpg' | 'webp' | 'mp4' | 'webm';
  family: 'image' | 'video';
}

/** enough bytes for every signature below */
export const SNIFF_BYTES = 16;

// ISO base media brands of MP4 video. HEIF/AVIF images share the `ftyp` box, so brands are
// allow-listed rather than accepting any `ftyp`.
const MP4_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'dash', 'M4V ', 'mp4v']);

export function sniffMediaType(head: Uint8Array): SniffedType | null {
  const at = (i: number): number => head[i] ?? -1;
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) {
    return { mimeType: 'image/png', ext: 'png', family: 'image' };
  }
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return { mimeType: 'image/jpeg', ext: 'jpg', family: 'image' };
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') {
    return { mimeType: 'image/webp', ext: 'webp', family: 'image' };
  }
  if (head.length >= 12 && ascii(4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(8, 12))) {
    return { mimeType: 'video/mp4', ext: 'mp4', family: 'video' };
  }
  if (at(0) === 0x1a && at(1) === 0x45 && at(2) === 0xdf && at(3) === 0xa3) return { mimeType: 'video/webm', ext: 'webm', family: 'video' };
  return null;
}
