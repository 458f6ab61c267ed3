import { describe, expect, it } from 'vitest';
import { emptyToolbar } from './GalleryToolbar';
import { parseGallerySearch, searchOf, toolbarOf } from './gallerySearch';

describe('the gallery view in the location', () => {
  it('keeps what it knows and drops the rest: a typed or old address never fails', () => {
    expect(
      parseGallerySearch({
        item: 'm1',
        q: 'kite',
        kind: 'video',
        model: 'veo-3.1',
        fav: 'true',
        from: '2026-11-01',
        to: '2026-11-30',
        user: 'u2',
        extra: 'x',
      }),
    ).toEqual({
      item: 'm1',
      q: 'kite',
      kind: 'video',
      model: 'veo-3.1',
      fav: true,
      from: '2026-11-01',
      to: '2026-11-30',
      user: 'u2',
    });
    expect(parseGallerySearch({ kind: 'audio', fav: 'no', from: 'yesterday', q: '   ', item: '' })).toEqual({});
  });

  it('reads back a search the default parser turned into a number or a boolean', () => {
    expect(parseGallerySearch({ q: 2026, item: 42 })).toEqual({ q: '2026', item: '42' });
    expect(parseGallerySearch({ q: true })).toEqual({ q: 'true' });
  });

  it('round-trips the toolbar, and a filter change closes the open item', () => {
    const values = { ...emptyToolbar, search: 'harbour', kind: 'image' as const, favorite: true, from: '2026-11-01' };
    expect(searchOf(values)).toEqual({ q: 'harbour', kind: 'image', fav: true, from: '2026-11-01' });
    expect(toolbarOf({ ...searchOf(values), item: 'm9' })).toEqual(values);
    expect(searchOf(emptyToolbar)).toEqual({});
  });
});
