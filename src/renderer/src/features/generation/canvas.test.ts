import { describe, expect, it } from 'vitest';
import { neighbourAfterRemoval, resultIds, tileAspect } from './canvas';

describe('the results canvas', () => {
  it('shapes a tile as the ratio asked for, or by kind when the model chose', () => {
    expect(tileAspect({ kind: 'image', params: { aspectRatio: '9:16' } })).toBe('9:16');
    expect(tileAspect({ kind: 'image', params: {} })).toBe('1:1');
    expect(tileAspect({ kind: 'video', params: {} })).toBe('16:9');
    expect(tileAspect({ kind: 'edit', params: { aspectRatio: 'weird' } })).toBe('1:1');
  });

  it('steps through results newest first and lands on a neighbour after a removal', () => {
    const ids = resultIds([
      { results: [{ id: 'a', url: '', thumbUrl: null }] },
      { results: [] },
      { results: [{ id: 'b', url: '', thumbUrl: null }] },
    ]);
    expect(ids).toEqual(['a', 'b']);
    expect(neighbourAfterRemoval(ids, 'a')).toBe('b');
    expect(neighbourAfterRemoval(ids, 'b')).toBe('a');
    expect(neighbourAfterRemoval(['a'], 'a')).toBeNull();
  });
});
