#!/usr/bin/env node
// Draws the app icon (512×512 RGBA PNG) with no dependencies: a rounded square in an indigo→cyan
// gradient with a white four-point sparkle. Writes resources/icon.png and resources/icons/512x512.png.
// Run: node scripts/generate-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function insideRoundedSquare(x, y) {
  const margin = 24;
  const radius = 104;
  const lo = margin + radius;
  const hi = SIZE - margin - radius;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return x >= margin && x <= SIZE - margin && y >= margin && y <= SIZE - margin && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// A four-point star: |dx|^p + |dy|^p <= r^p with p < 1 gives concave sides.
function insideSparkle(x, y, cx, cy, r) {
  const p = 0.5;
  return (Math.abs(x - cx) / r) ** p + (Math.abs(y - cy) / r) ** p <= 1;
}

const from = [79, 70, 229]; // indigo
const to = [6, 182, 212]; // cyan
const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let cover = 0;
    let white = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        if (!insideRoundedSquare(px, py)) continue;
        cover++;
        if (insideSparkle(px, py, 256, 256, 170) || insideSparkle(px, py, 380, 136, 52)) white++;
      }
    }
    const n = SAMPLES * SAMPLES;
    const t = (x + y) / (2 * SIZE);
    const base = from.map((c, i) => c + (to[i] - c) * t);
    const w = cover ? white / cover : 0;
    const o = row + 1 + x * 4;
    for (let i = 0; i < 3; i++) raw[o + i] = Math.round(base[i] * (1 - w) + 255 * w);
    raw[o + 3] = Math.round((255 * cover) / n);
  }
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
fs.mkdirSync(path.join(root, 'resources', 'icons'), { recursive: true });
for (const file of ['resources/icon.png', 'resources/icons/512x512.png']) {
  fs.writeFileSync(path.join(root, file), png);
  console.log(`wrote ${file} (${png.length} bytes)`);
}
