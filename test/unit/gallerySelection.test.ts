import { describe, expect, it } from 'vitest';
import { emptySelection, keepListed, selectAll, selectRange, toggleOne } from '../../src/renderer/src/features/gallery/selection';
import { dateInputToMs, formatBytes, formatDuration, paramLabel } from '../../src/renderer/src/features/gallery/format';

const order = ['a', 'b', 'c', 'd', 'e', 'f'];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe('gallery selection', () => {
  it('toggles single items with a click', () => {
    const one = toggleOne(emptySelection, 'b');
    expect(ids(one)).toEqual(['b']);
    expect(ids(toggleOne(one, 'b'))).toEqual([]);
  });

  it('selects the range between the last clicked item and a shift-clicked one, in either direction', () => {
    expect(ids(selectRange(toggleOne(emptySelection, 'b'), order, 'e'))).toEqual(['b', 'c', 'd', 'e']);
    expect(ids(selectRange(toggleOne(emptySelection, 'e'), order, 'c'))).toEqual(['c', 'd', 'e']);
    // adds to what was selected before
    const before = toggleOne(toggleOne(emptySelection, 'a'), 'd');
    expect(ids(selectRange(before, order, 'f'))).toEqual(['a', 'd', 'e', 'f']);
  });

  it('treats a shift-click without an anchor as a plain toggle', () => {
    expect(ids(selectRange(emptySelection, order, 'c'))).toEqual(['c']);
  });

  it('selects every loaded item, and forgets items that are no longer listed', () => {
    expect(ids(selectAll(order))).toEqual(order);
    const kept = keepListed(selectAll(order), ['a', 'c']);
    expect(ids(kept)).toEqual(['a', 'c']);
    expect(kept.anchor).toBe('a');
  });
});

describe('gallery formatting', () => {
  it('shows sizes, durations and parameter names for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatDuration(8000)).toBe('0:08');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(paramLabel('aspectRatio')).toBe('Aspect ratio');
    expect(paramLabel('duration_seconds')).toBe('Duration seconds');
  });

  it('turns a date field into local midnights, the end date including its whole day', () => {
    expect(dateInputToMs('2026-11-26')).toBe(new Date(2026, 10, 26).getTime());
    expect(dateInputToMs('2026-11-26', true)).toBe(new Date(2026, 10, 27).getTime());
    expect(dateInputToMs('')).toBeUndefined();
  });
});
