/**
 * The gallery's justified rows, as pure arithmetic (no DOM): tiles keep each item's aspect ratio,
 * every full row is scaled so its tiles exactly fill the width, and the rows of one local day sit
 * under that day's heading. The grid virtualizes over the returned rows, so the layout of 5 000
 * loaded items is one O(n) pass (about a millisecond) and nothing here reads the DOM.
 */

export interface LayoutOptions {
  /** inner width the rows fill (px) */
  width: number;
  /** height a row aims for before it is scaled to fill the width */
  targetHeight: number;
  /** space between tiles in a row */
  gap: number;
  /** height of a day heading row */
  headingHeight: number;
}

export interface LayoutInput {
  /** width / height; null or nonsense (0, NaN, ∞) counts as square */
  aspect: number | null;
  /** a key that changes exactly when a new day starts (the items are newest first) */
  day: string;
}

export type LayoutRow =
  | { kind: 'heading'; day: string; /** index of the day's first item */ first: number; height: number }
  | { kind: 'tiles'; /** index of the row's first item */ first: number; widths: number[]; height: number };

/** Panoramas and slivers are clamped, so one odd item cannot make a row a few pixels tall or one tile a strip. */
export const MIN_ASPECT = 0.4;
export const MAX_ASPECT = 3;

export function clampAspect(aspect: number | null): number {
  if (aspect === null || !Number.isFinite(aspect) || aspect <= 0) return 1;
  return Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, aspect));
}

/** The aspect of an item with stored pixel sizes (null when either is unknown). */
export function aspectOf(width: number | null, height: number | null): number | null {
  return width && height ? width / height : null;
}

/**
 * Rows for `items` in order. A row takes items until, at the target height, they would overflow
 * the width; it is then scaled down (never up by more than the overflow) to fill the width exactly.
 * The last row of a day is not stretched: it keeps the target height and ends short. Widths are
 * whole pixels and the widths plus gaps of a full row add up to `width` exactly.
 */
export function justifiedRows(items: readonly LayoutInput[], options: LayoutOptions): LayoutRow[] {
  const { targetHeight, gap, headingHeight } = options;
  const width = Math.max(1, options.width);
  const rows: LayoutRow[] = [];
  let day: string | null = null;
  let first = 0;
  let aspects: number[] = [];

  const flush = (full: boolean) => {
    if (aspects.length === 0) return;
    const gaps = gap * (aspects.length - 1);
    const sum = aspects.reduce((a, b) => a + b, 0);
    const fitted = (width - gaps) / sum;
    const height = full ? fitted : Math.min(targetHeight, fitted);
    rows.push({ kind: 'tiles', first, widths: distribute(aspects, height, full ? width - gaps : null), height: Math.round(height) });
    first += aspects.length;
    aspects = [];
  };

  items.forEach((item, index) => {
    if (item.day !== day) {
      flush(false);
      day = item.day;
      first = index;
      rows.push({ kind: 'heading', day: item.day, first: index, height: headingHeight });
    }
    aspects.push(clampAspect(item.aspect));
    const sum = aspects.reduce((a, b) => a + b, 0);
    if (sum * targetHeight + gap * (aspects.length - 1) >= width) flush(true);
  });
  flush(false);
  return rows;
}

/** Whole-pixel widths at `height`; when `total` is given, rounding error goes to the last tile so the row is exact. */
function distribute(aspects: number[], height: number, total: number | null): number[] {
  const widths = aspects.map((a) => Math.max(1, Math.round(a * height)));
  if (total !== null) {
    const drift = Math.round(total) - widths.reduce((a, b) => a + b, 0);
    widths[widths.length - 1] = Math.max(1, widths[widths.length - 1]! + drift);
  }
  return widths;
}

/** For keyboard navigation: the tile row holding each item, and each row's position in `rows`. */
export function rowOfItem(rows: readonly LayoutRow[], itemCount: number): Int32Array {
  const map = new Int32Array(itemCount);
  rows.forEach((row, r) => {
    if (row.kind !== 'tiles') return;
    for (let i = 0; i < row.widths.length; i++) map[row.first + i] = r;
  });
  return map;
}

/**
 * The item ↑ or ↓ lands on: in the nearest tile row above or below (skipping headings), the tile
 * whose centre is closest to the centre of the current one; null at the top or bottom.
 */
export function verticalNeighbour(rows: readonly LayoutRow[], rowIndex: Int32Array, current: number, direction: 1 | -1, gap: number): number | null {
  const from = rows[rowIndex[current]!];
  if (!from || from.kind !== 'tiles') return null;
  const centre = tileCentre(from, current - from.first, gap);
  for (let r = rowIndex[current]! + direction; r >= 0 && r < rows.length; r += direction) {
    const row = rows[r]!;
    if (row.kind !== 'tiles') continue;
    let best = 0;
    let distance = Infinity;
    for (let i = 0; i < row.widths.length; i++) {
      const d = Math.abs(tileCentre(row, i, gap) - centre);
      if (d < distance) {
        distance = d;
        best = i;
      }
    }
    return row.first + best;
  }
  return null;
}

function tileCentre(row: Extract<LayoutRow, { kind: 'tiles' }>, offset: number, gap: number): number {
  let x = 0;
  for (let i = 0; i < offset; i++) x += row.widths[i]! + gap;
  return x + row.widths[offset]! / 2;
}
