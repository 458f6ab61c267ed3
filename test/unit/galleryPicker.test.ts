import { describe, expect, it } from 'vitest';
import { mergeNewest, newestFirst } from '../../src/renderer/src/features/generation/mergeNewest';
import { pickName, pickState, togglePick, toPickedImage } from '../../src/renderer/src/features/generation/galleryPick';
import type { MediaItem } from '../../src/shared/contract/routes/media';

const at = (id: string, createdAt: number) => ({ id, createdAt });
const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('mergeNewest', () => {
  it('orders by time, newest first, and breaks ties on id descending like the keyset cursor', () => {
    const sorted = [at('a', 1), at('c', 2), at('b', 2), at('d', 3)].sort(newestFirst);
    expect(ids(sorted)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('interleaves two finished lists completely', () => {
    const merged = mergeNewest([
      { items: [at('i5', 50), at('i3', 30), at('i1', 10)], hasMore: false },
      { items: [at('u4', 40), at('u2', 20)], hasMore: false },
    ]);
    expect(ids(merged.items)).toEqual(['i5', 'u4', 'i3', 'u2', 'i1']);
    expect(merged.hasMore).toBe(false);
    expect(merged.toLoad).toEqual([]);
  });

  it('holds back items older than the last loaded item of a list that has more, and names that list', () => {
    // the image list stops at 40 but has more: an image at 35 may exist, so u30 and u10 must wait
    const merged = mergeNewest([
      { items: [at('i50', 50), at('i40', 40)], hasMore: true },
      { items: [at('u45', 45), at('u30', 30), at('u10', 10)], hasMore: false },
    ]);
    expect(ids(merged.items)).toEqual(['i50', 'u45', 'i40']);
    expect(merged.toLoad).toEqual([0]);
    expect(merged.hasMore).toBe(true);
  });

  it('is limited by the newest cut-off when both lists have more', () => {
    const merged = mergeNewest([
      { items: [at('i90', 90), at('i80', 80)], hasMore: true },
      { items: [at('u95', 95), at('u20', 20)], hasMore: true },
    ]);
    expect(ids(merged.items)).toEqual(['u95', 'i90', 'i80']);
    expect(merged.toLoad).toEqual([0]);
  });

  it('shows nothing while a list that may hold newer items has not loaded yet', () => {
    const merged = mergeNewest([
      { items: [], hasMore: true },
      { items: [at('u1', 1)], hasMore: false },
    ]);
    expect(merged.items).toEqual([]);
    expect(merged.toLoad).toEqual([0]);
  });

  it('treats two lists cut at the same item key as both limiting', () => {
    const merged = mergeNewest([
      { items: [at('x', 5)], hasMore: true },
      { items: [at('x', 5)], hasMore: true },
    ]);
    expect(merged.toLoad).toEqual([0, 1]);
  });

  it('handles empty finished lists', () => {
    expect(
      mergeNewest([
        { items: [], hasMore: false },
        { items: [], hasMore: false },
      ]),
    ).toEqual({ items: [], toLoad: [], hasMore: false });
  });
});

function item(patch: Partial<MediaItem>): MediaItem {
  return {
    id: 'm1',
    kind: 'image',
    url: 'studio-media://m1',
    thumbUrl: 'studio-media://m1/thumb',
    mimeType: 'image/png',
    bytes: 10,
    width: 64,
    height: 64,
    durationMs: null,
    prompt: 'A lighthouse',
    negativePrompt: null,
    model: 'gemini-3.1-flash-image',
    favorite: false,
    missing: false,
    createdAt: 0,
    parentMediaId: null,
    jobId: null,
    ...patch,
  };
}

const time = (ms: number) => `T${ms}`;

describe('gallery pick helpers', () => {
  it('names an item by its prompt, shortened, or an import by its time', () => {
    expect(pickName(item({ prompt: '  Two   lighthouses\nat dusk ' }), time)).toBe('Two lighthouses at dusk');
    expect(pickName(item({ prompt: 'x'.repeat(100) }), time)).toBe(`${'x'.repeat(59)}…`);
    expect(pickName(item({ kind: 'input', prompt: null, createdAt: 7 }), time)).toBe('imported image from T7');
  });

  it('turns an item into a slot image without importing it', () => {
    expect(toPickedImage(item({ id: 'g1', url: 'u', thumbUrl: 't' }), time)).toEqual({ id: 'g1', url: 'u', thumbUrl: 't', name: '“A lighthouse”' });
    expect(toPickedImage(item({ kind: 'input', prompt: null, thumbUrl: null, createdAt: 3 }), time).name).toBe('imported image from T3');
  });

  it('refuses missing files, images already in the slots, and more than the room left', () => {
    expect(pickState(item({ id: 'a', missing: true }), [], [], 2)).toBe('missing');
    expect(pickState(item({ id: 'a' }), [], ['a'], 2)).toBe('already-added');
    expect(pickState(item({ id: 'a' }), ['b', 'c'], [], 2)).toBe('full');
    expect(pickState(item({ id: 'b' }), ['b', 'c'], [], 2)).toBe('selected');
    expect(pickState(item({ id: 'a' }), ['b'], [], 2)).toBe('selectable');
  });

  it('toggles in order of choice and never past the room', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const c = { id: 'c' };
    const two = togglePick(togglePick([], a, 2), b, 2);
    expect(ids(two)).toEqual(['a', 'b']);
    expect(ids(togglePick(two, c, 2))).toEqual(['a', 'b']);
    expect(ids(togglePick(two, a, 2))).toEqual(['b']);
  });
});
