// The images the fake "generates". Two kinds:
// - pattern: small, visibly different per seed (so a gallery of results is
//   not N copies of one picture), cheap enough to make per request;
// - photographic: 2048×2048-class, noise over smooth gradients so it
//   compresses like a photo (several MB) — for benchmarks of storage,
//   thumbnailing and IPC. Costly to make, so cached.
import { encodePng } from './png.ts';
import type { ImageSpec } from './types.ts';

/** Deterministic PRNG (mulberry32): same seed, same image. */
function prng(seed: number): () => number {
  let a = seed >>> 0 || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h * 12) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

/** Diagonal stripes in two seed-chosen colours over a checkerboard: recognisable at a glance. */
export function makePatternPng(width: number, height: number, seed: number): Buffer {
  const rnd = prng(seed);
  const hue = rnd();
  const fg = hsl(hue, 0.75, 0.5);
  const bg = hsl((hue + 0.5) % 1, 0.6, 0.8);
  const stripe = 4 + Math.floor(rnd() * 8);
  const cell = Math.max(4, Math.floor(Math.min(width, height) / 8));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const onStripe = Math.floor((x + y) / stripe) % 2 === 0;
      const dark = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 === 0 ? 0.85 : 1;
      const c = onStripe ? fg : bg;
      const i = (y * width + x) * 3;
      rgb[i] = c[0] * dark;
      rgb[i + 1] = c[1] * dark;
      rgb[i + 2] = c[2] * dark;
    }
  }
  return encodePng(width, height, rgb);
}

/**
 * A PNG with photo-like entropy: smooth separable gradients (sky/ground-like
 * bands and a vignette) plus per-pixel noise. Encoded with the Sub filter the
 * way real encoders do, it lands at several MB for 2048×2048.
 */
export function makePhotographicPng(width: number, height: number, seed: number): Buffer {
  const rnd = prng(seed);
  // Precompute per-row and per-column terms: a full per-pixel sin() would be
  // tens of millions of calls.
  const rows: Float32Array[] = [];
  const cols: Float32Array[] = [];
  for (let ch = 0; ch < 3; ch++) {
    const r = new Float32Array(height);
    const c = new Float32Array(width);
    const fy = 1 + rnd() * 3;
    const fx = 1 + rnd() * 3;
    const py = rnd() * Math.PI * 2;
    const px = rnd() * Math.PI * 2;
    const base = 60 + rnd() * 120;
    for (let y = 0; y < height; y++) r[y] = base + 45 * Math.sin((y / height) * Math.PI * fy + py);
    for (let x = 0; x < width; x++) c[x] = 35 * Math.sin((x / width) * Math.PI * fx + px);
    rows.push(r);
    cols.push(c);
  }
  const rgb = new Uint8Array(width * height * 3);
  let state = (seed * 2654435761) >>> 0 || 1;
  const cx = width / 2;
  const cy = height / 2;
  const maxD = cx * cx + cy * cy;
  for (let y = 0; y < height; y++) {
    const dy = (y - cy) * (y - cy);
    for (let x = 0; x < width; x++) {
      const vignette = 1 - (0.45 * ((x - cx) * (x - cx) + dy)) / maxD;
      const i = (y * width + x) * 3;
      for (let ch = 0; ch < 3; ch++) {
        // xorshift32: cheap noise, roughly ±10 levels, like sensor grain.
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        const noise = ((state >>> 0) % 21) - 10;
        const v = (rows[ch]![y]! + cols[ch]![x]!) * vignette + noise;
        rgb[i + ch] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return encodePng(width, height, rgb, { subFilter: true, level: 3 });
}

/** Small LRU so repeated requests for the same image cost nothing. */
class Lru {
  private readonly map = new Map<string, Buffer>();
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  get(key: string, make: () => Buffer): Buffer {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
    return value;
  }
}

const patternCache = new Lru(256);
// Photographic images are ~6 MB each: keep a few variants only.
const photoCache = new Lru(4);
/** Distinct photographic images the server cycles through (a cache hit after warm-up). */
export const PHOTOGRAPHIC_VARIANTS = 4;

/** The PNG for `spec` and `seed`, cached by size and seed. */
export function imageFor(spec: ImageSpec, seed: number): Buffer {
  if (spec.damage) return damaged(imageFor({ ...spec, damage: undefined }, seed), spec.damage);
  if (spec.kind === 'photographic') {
    const variant = Math.abs(seed) % PHOTOGRAPHIC_VARIANTS;
    return photoCache.get(`${spec.width}x${spec.height}:${variant}`, () => makePhotographicPng(spec.width, spec.height, variant + 1));
  }
  return patternCache.get(`${spec.width}x${spec.height}:${seed}`, () => makePatternPng(spec.width, spec.height, seed));
}

/** A copy of `png` cut in half, or with one byte inside its first IDAT chunk changed. */
function damaged(png: Buffer, damage: NonNullable<ImageSpec['damage']>): Buffer {
  if (damage === 'cut-off') return Buffer.from(png.subarray(0, Math.floor(png.length / 2)));
  const copy = Buffer.from(png);
  const idat = copy.indexOf('IDAT', 8, 'latin1');
  copy[idat + 8] = copy[idat + 8]! ^ 0xff;
  return copy;
}
