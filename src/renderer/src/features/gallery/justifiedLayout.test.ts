import { describe, expect, it } from 'vitest';
import { clampAspect, justifiedRows, type LayoutRow, rowOfItem, verticalNeighbour } from './justifiedLayout';

const OPTIONS = { width: 1000, targetHeight: 200, gap: 10, headingHeight: 40 };
const tiles = (rows: LayoutRow[]) => rows.filter((r): r is Extract<LayoutRow, { kind: 'tiles' }> => r.kind === 'tiles');
const rowWidth = (row: Extract<LayoutRow, { kind: 'tiles' }>, gap: number) => row.widths.reduce((a, b) => a + b, 0) + gap * (row.widths.length - 1);

describe('justified gallery rows', () => {
  it('gives a 16:9 item a wider tile than a 9:16 item in the same row, both at the row height', () => {
    const rows = tiles(
      justifiedRows(
        [
          { aspect: 16 / 9, day: 'd' },
          { aspect: 9 / 16, day: 'd' },
        ],
        OPTIONS,
      ),
    );
    expect(rows).toHaveLength(1);
    const [wide, tall] = rows[0]!.widths;
    expect(wide! / rows[0]!.height).toBeCloseTo(16 / 9, 1);
    expect(tall! / rows[0]!.height).toBeCloseTo(9 / 16, 1);
    expect(wide).toBeGreaterThan(tall! * 3);
  });

  it('fills every full row to the exact width and never makes a row taller than it aims for by more than one item', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ aspect: [1, 16 / 9, 9 / 16, 4 / 3, 3 / 2][i % 5]!, day: 'd' }));
    const rows = tiles(justifiedRows(items, OPTIONS));
    for (const row of rows.slice(0, -1)) {
      expect(rowWidth(row, OPTIONS.gap)).toBe(OPTIONS.width);
      expect(row.height).toBeLessThanOrEqual(OPTIONS.targetHeight);
      expect(row.height).toBeGreaterThan(OPTIONS.targetHeight / 2);
    }
    expect(rows.reduce((n, r) => n + r.widths.length, 0)).toBe(200);
  });

  it('starts a heading at each new day and does not stretch the last row of a day', () => {
    const rows = justifiedRows(
      [
        { aspect: 1, day: 'today' },
        { aspect: 1, day: 'today' },
        { aspect: 1, day: 'yesterday' },
      ],
      OPTIONS,
    );
    expect(rows.map((r) => r.kind)).toEqual(['heading', 'tiles', 'heading', 'tiles']);
    expect(rows[0]).toMatchObject({ day: 'today', first: 0 });
    expect(rows[2]).toMatchObject({ day: 'yesterday', first: 2 });
    expect(rows[1]).toMatchObject({ first: 0, widths: [200, 200], height: 200 });
    expect(rows[3]).toMatchObject({ first: 2, widths: [200], height: 200 });
  });

  it('treats unknown sizes as square and clamps panoramas, so no row collapses', () => {
    expect(clampAspect(null)).toBe(1);
    expect(clampAspect(0)).toBe(1);
    expect(clampAspect(Number.NaN)).toBe(1);
    expect(clampAspect(40)).toBe(3);
    expect(clampAspect(0.01)).toBe(0.4);
    const rows = tiles(justifiedRows([{ aspect: 40, day: 'd' }], { ...OPTIONS, width: 300 }));
    expect(rows[0]!.widths).toEqual([300]);
    expect(rows[0]!.height).toBe(100);
  });

  it('moves ↑/↓ to the tile nearest the same column in the next tile row, skipping headings', () => {
    const items = [...Array.from({ length: 5 }, () => ({ aspect: 1, day: 'a' })), ...Array.from({ length: 5 }, () => ({ aspect: 1, day: 'b' }))];
    const rows = justifiedRows(items, OPTIONS);
    const index = rowOfItem(rows, items.length);
    // five squares reach the width (5×200 + 4×10 ≥ 1000), so each day is one full row
    expect(tiles(rows).map((r) => r.widths.length)).toEqual([5, 5]);
    expect(verticalNeighbour(rows, index, 2, 1, OPTIONS.gap)).toBe(7);
    expect(verticalNeighbour(rows, index, 7, -1, OPTIONS.gap)).toBe(2);
    expect(verticalNeighbour(rows, index, 7, 1, OPTIONS.gap)).toBeNull();
    expect(verticalNeighbour(rows, index, 0, -1, OPTIONS.gap)).toBeNull();
  });
});
