import { StudioError } from '../../../shared/contract/errors';
import { MEDIA_ID_PATTERN } from '../../../shared/contract/mediaUrl';
import type { MediaItem } from '../../../shared/contract/routes/media';
import { MEDIA_COUNT_CAP, type MediaKind } from '../../../shared/domain/media';
import type { Db } from '../../db/client';
import { decodeKeysetCursor, encodeKeysetCursor, type KeysetPosition } from '../../db/keysetCursor';
import type { Actor } from '../../identity';
import { assertCanAccessUser, visibleUserIds } from '../accounts/scope';
import { toMediaItem } from './mediaRecord';
import { countMediaPage, explainMediaPage, mediaPage, type MediaPageQuery } from './mediaRepository';
import { toFtsQuery } from './searchQuery';

export interface ListMediaInput {
  cursor?: string;
  limit: number;
  kind?: MediaKind;
  model?: string;
  userId?: string;
  favorite?: boolean;
  query?: string;
  from?: number;
  to?: number;
}

/**
 * One gallery page, newest first, keyset-paginated on (created_at, id), scoped to what the actor
 * may see (own items; an admin also their managed users'). Full-text search drives the query from
 * the FTS index, so a rare word costs its few matches; filters narrow either plan.
 */
export function listMedia(db: Db, actor: Actor, input: ListMediaInput, urlBase: string): { items: MediaItem[]; nextCursor: string | null } {
  const rows = mediaPage(db, pageQuery(db, actor, input));
  const ctx = { urlBase, forAdmin: actor.role === 'admin' };
  const items = rows.slice(0, input.limit).map((r) => toMediaItem(r, ctx));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeKeysetCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

/**
 * How many items the view with these filters holds: the gallery's "100,000 items" or "214 results".
 * With no filter (one person, or everyone an admin sees) it is exact: an index-only count, a few
 * milliseconds at 100 000 items. A search or filter is counted up to MEDIA_COUNT_CAP with the plans a
 * page uses, so it never walks more than the cap.
 */
export function countMedia(db: Db, actor: Actor, input: Omit<ListMediaInput, 'cursor' | 'limit'>): { count: number; capped: boolean } {
  const { cursor: _none, fetch: _fetch, ...query } = pageQuery(db, actor, { ...input, limit: 1 });
  const { userId: _who, ...filters } = input;
  const unfiltered = Object.values(filters).every((value) => value === undefined);
  if (unfiltered) return { count: countMediaPage(db, query, Number.MAX_SAFE_INTEGER), capped: false };
  const counted = countMediaPage(db, query, MEDIA_COUNT_CAP + 1);
  return { count: Math.min(counted, MEDIA_COUNT_CAP), capped: counted > MEDIA_COUNT_CAP };
}

/** SQLite's plan for a list query (tests and the benchmark check no page scans the table or sorts it whole). */
export function explainListMedia(db: Db, actor: Actor, input: ListMediaInput): string[] {
  return explainMediaPage(db, pageQuery(db, actor, input));
}

/** Scope check and the page's query; throws FORBIDDEN for a `userId` outside the actor's scope. */
function pageQuery(db: Db, actor: Actor, input: ListMediaInput): MediaPageQuery {
  const userIds = input.userId ? (assertCanAccessUser(db, actor, input.userId), [input.userId]) : [...new Set(visibleUserIds(db, actor))];
  return {
    userIds,
    fts: input.query ? toFtsQuery(input.query) : null,
    cursor: input.cursor ? galleryPosition(input.cursor) : undefined,
    fetch: input.limit + 1, // one more tells whether another page exists
    kind: input.kind,
    model: input.model,
    favorite: input.favorite,
    from: input.from,
    to: input.to,
  };
}

/** A gallery cursor's place; a cursor the gallery did not hand out (or naming no media id) is refused. */
function galleryPosition(cursor: string): KeysetPosition {
  const position = decodeKeysetCursor(cursor, (id) => MEDIA_ID_PATTERN.test(id));
  if (!position) throw new StudioError('VALIDATION_FAILED', 'Invalid input — cursor: this page position is not valid; reload the gallery.');
  return position;
}
