import type { RouteOutput } from '../../../shared/contract/types';
import { MEDIA_VERSIONS_MAX } from '../../../shared/domain/media';
import type { Db } from '../../db/client';
import type { Actor } from '../../identity';
import { visibleUserIds } from '../accounts/scope';
import { findVisibleMedia, mediaNotFound } from './getMedia';
import { toMediaItem } from './mediaRecord';
import { descendantsOf, type MediaRecord, sourceChainOf } from './mediaRepository';

/** How far up and down a tree is followed (a cycle in bad data cannot loop forever). */
const MAX_DEPTH = 50;

/**
 * The versions of an item's piece of work: its root and everything made from that root, as far as
 * the actor may see. The root is the oldest ancestor reachable through items the actor may see (an
 * edit of someone else's picture starts its own tree for a person who cannot see that picture); a
 * version the actor may not see is dropped with everything made from it, so a tree never shows an
 * item through a gap.
 */
export function mediaVersions(db: Db, actor: Actor, id: string, urlBase: string): RouteOutput<'media.versions'> {
  const row = findVisibleMedia(db, actor, id);
  if (!row) throw mediaNotFound();
  const visible = new Set(visibleUserIds(db, actor));
  let root: MediaRecord = row;
  for (const ancestor of sourceChainOf(db, id, MAX_DEPTH)) {
    if (!visible.has(ancestor.userId)) break;
    root = ancestor;
  }
  const rows = descendantsOf(db, root.id, MAX_DEPTH, MEDIA_VERSIONS_MAX + 1);
  const truncated = rows.length > MEDIA_VERSIONS_MAX;
  // walk down from the root through visible items only, so a hidden version hides its subtree too
  const children = new Map<string, MediaRecord[]>();
  for (const r of rows.slice(0, MEDIA_VERSIONS_MAX)) {
    if (r.id === root.id || r.parentMediaId === null || !visible.has(r.userId)) continue;
    children.set(r.parentMediaId, [...(children.get(r.parentMediaId) ?? []), r]);
  }
  const kept = new Set<string>([root.id]);
  const queue = [root.id];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (kept.has(child.id)) continue;
      kept.add(child.id);
      queue.push(child.id);
    }
  }
  const items = rows.filter((r) => kept.has(r.id));
  const ctx = { urlBase, forAdmin: actor.role === 'admin' };
  return { rootId: root.id, items: items.map((r) => toMediaItem(r, ctx)), truncated };
}
