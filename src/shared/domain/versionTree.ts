/**
 * Versions of one piece of work: an image and its edits, a video and its refines and extensions
 * (each item's `parentMediaId` names what it was made from). Main answers `media.versions` with the
 * root and every item of the tree the caller may see; this turns that flat list into the order the
 * lightbox's lineage strip shows: depth first from the root, siblings oldest first, each with its
 * depth, so "source → versions made from it" reads left to right.
 */

export interface VersionNodeInput {
  id: string;
  parentMediaId: string | null;
  createdAt: number;
}

export interface VersionEntry<T extends VersionNodeInput> {
  item: T;
  /** 0 for the root */
  depth: number;
  /** 1-based position in the strip, so a person can say "version 3" */
  number: number;
  /** how many versions were made directly from this one */
  children: number;
}

/**
 * The tree under `rootId`, flattened depth first. Items whose parent is not in the list (hidden
 * from this caller, or deleted) are left out with everything under them, so the tree never shows a
 * gap it cannot explain; a cycle in damaged data is cut where it closes.
 */
export function flattenVersionTree<T extends VersionNodeInput>(items: readonly T[], rootId: string): VersionEntry<T>[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const root = byId.get(rootId);
  if (!root) return [];
  const childrenOf = new Map<string, T[]>();
  for (const item of items) {
    if (item.id === rootId || item.parentMediaId === null) continue;
    const siblings = childrenOf.get(item.parentMediaId);
    if (siblings) siblings.push(item);
    else childrenOf.set(item.parentMediaId, [item]);
  }
  for (const siblings of childrenOf.values()) siblings.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));

  const out: VersionEntry<T>[] = [];
  const seen = new Set<string>();
  const visit = (item: T, depth: number) => {
    if (seen.has(item.id)) return;
    seen.add(item.id);
    const children = childrenOf.get(item.id) ?? [];
    out.push({ item, depth, number: out.length + 1, children: children.length });
    for (const child of children) visit(child, depth + 1);
  };
  visit(root, 0);
  return out;
}

/** The ids from the root down to `id` (inclusive), or [] when `id` is not in the tree. */
export function lineageOf<T extends VersionNodeInput>(entries: readonly VersionEntry<T>[], id: string): string[] {
  const byId = new Map(entries.map((e) => [e.item.id, e.item]));
  const path: string[] = [];
  let current = byId.get(id);
  while (current && !path.includes(current.id)) {
    path.unshift(current.id);
    current = current.parentMediaId ? byId.get(current.parentMediaId) : undefined;
  }
  return path;
}

/** "Version 3", or "Version 1 (original)" for the root: how a person refers to one entry. */
export function versionName(entry: { depth: number; number: number }): string {
  return `Version ${entry.number}${entry.depth === 0 ? ' (original)' : ''}`;
}
