import { describe, expect, it } from 'vitest';
import { flattenVersionTree, lineageOf } from '../../src/shared/domain/versionTree';

const node = (id: string, parentMediaId: string | null, createdAt: number) => ({ id, parentMediaId, createdAt });

describe('version tree', () => {
  // original → edit A (→ A2), edit B; listed in a scrambled order as main might return them
  const items = [node('b', 'root', 30), node('a2', 'a', 40), node('root', null, 10), node('a', 'root', 20)];

  it('lists the root first, then each version followed by the versions made from it, oldest sibling first', () => {
    const tree = flattenVersionTree(items, 'root');
    expect(tree.map((e) => [e.item.id, e.depth, e.number, e.children])).toEqual([
      ['root', 0, 1, 2],
      ['a', 1, 2, 1],
      ['a2', 2, 3, 0],
      ['b', 1, 4, 0],
    ]);
  });

  it('leaves out a version whose parent is not listed (hidden or deleted) with everything under it', () => {
    const tree = flattenVersionTree(
      items.filter((i) => i.id !== 'a'),
      'root',
    );
    expect(tree.map((e) => e.item.id)).toEqual(['root', 'b']);
  });

  it('is empty when the root is not listed, and stops at a cycle in damaged data', () => {
    expect(flattenVersionTree(items, 'gone')).toEqual([]);
    const looped = [node('x', 'y', 1), node('y', 'x', 2)];
    expect(flattenVersionTree(looped, 'x').map((e) => e.item.id)).toEqual(['x', 'y']);
  });

  it('gives the path from the root to a version', () => {
    const tree = flattenVersionTree(items, 'root');
    expect(lineageOf(tree, 'a2')).toEqual(['root', 'a', 'a2']);
    expect(lineageOf(tree, 'root')).toEqual(['root']);
    expect(lineageOf(tree, 'nope')).toEqual([]);
  });
});
