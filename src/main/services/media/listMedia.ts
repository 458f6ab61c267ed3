import type { MediaItem } from '../../../shared/contract/routes/media';
import type { MediaKind } from '../../../shared/domain/media';
import type { Db } from '../../db/client';
import type { Actor } from '../../router';
import { assertCanAccessUser, visibleUserIds } from '../accounts/scope';
import { decodeCursor, encodeCursor, type MediaCursor } from './cursor';
import { MEDIA_RECORD_COLUMNS, type MediaRecord, toMediaItem } from './mediaRecord';
import { toFtsQuery } from './searchQuery';
import { prepared } from './statementCache';

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
 * Up to this many visible users, a page is assembled from one short index walk per user (each
 * stops after one page) merged newest first: the cost depends on the page size and the number of
 * users, never on how many items exist. Beyond it (an admin managing most of a big lab) a single
 * walk with `user_id IN (…)` is as good and keeps the statement within SQLite's limits.
 */
const MAX_MERGED_USERS = 64;

/**
 * One gallery page, newest first, keyset-paginated on (created_at, id), scoped to what the actor
 * may see (SPEC §3: own items; an admin also their managed users'). Full-text search drives the
 * query from the FTS index, so a rare word costs its few matches; filters narrow either plan.
 */
export function listMedia(db: Db, actor: Actor, input: ListMediaInput, urlBase: string): { items: MediaItem[]; nextCursor: string | null } {
  const query = buildListQuery(db, actor, input);
  const rows = prepared(db, query.sql).all(...query.params) as MediaRecord[];
  const ctx = { urlBase, forAdmin: actor.role === 'admin' };
  const items = rows.slice(0, input.limit).map((r) => toMediaItem(r, ctx));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

/** SQLite's plan for a list query (tests and the benchmark check no page scans the table or sorts it whole). */
export function explainListMedia(db: Db, actor: Actor, input: ListMediaInput): string[] {
  const query = buildListQuery(db, actor, input);
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** Scope check and SQL for one page; throws FORBIDDEN for a `userId` outside the actor's scope. */
function buildListQuery(db: Db, actor: Actor, input: ListMediaInput): { sql: string; params: unknown[] } {
  const userIds = input.userId ? (assertCanAccessUser(db, actor, input.userId), [input.userId]) : [...new Set(visibleUserIds(db, actor))];
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined;
  const fts = input.query ? toFtsQuery(input.query) : null;
  const fetch = input.limit + 1; // one more tells whether another page exists

  const filter = filterSql(input, cursor);
  let pageSql: string;
  let params: unknown[];
  if (fts) {
    // CROSS JOIN keeps the FTS matches as the outer loop: a search costs its matches, not the table.
    pageSql = `SELECT m.id AS id, m.created_at AS created_at
      FROM (SELECT k.media_id AS id FROM media_fts JOIN media_search_key k ON k.id = media_fts.rowid WHERE media_fts MATCH ?) h
      CROSS JOIN media m ON m.id = h.id
      WHERE m.user_id IN (${marks(userIds.length)})${filter.sql}
      ORDER BY m.created_at DESC, m.id DESC LIMIT ?`;
    params = [fts, ...userIds, ...filter.params, fetch];
  } else if (userIds.length === 1 || userIds.length > MAX_MERGED_USERS) {
    pageSql = userWalk(userIds.length, filter.sql);
    params = [...userIds, ...filter.params, fetch];
  } else {
    // SQLite cannot put ORDER BY/LIMIT on a compound's arms directly, hence the sub-selects.
    const arm = `SELECT id, created_at FROM (${userWalk(1, filter.sql)})`;
    pageSql = `${userIds.map(() => arm).join(' UNION ALL ')} ORDER BY created_at DESC, id DESC LIMIT ?`;
    params = [...userIds.flatMap((id) => [id, ...filter.params, fetch]), fetch];
  }
  const sql = `WITH page(id, created_at) AS (${pageSql})
    SELECT ${MEDIA_RECORD_COLUMNS} FROM page p JOIN media m ON m.id = p.id JOIN user u ON u.id = m.user_id
    ORDER BY p.created_at DESC, p.id DESC`;
  return { sql, params };
}

function userWalk(users: number, filterSql: string): string {
  const who = users === 1 ? 'm.user_id = ?' : `m.user_id IN (${marks(users)})`;
  return `SELECT m.id AS id, m.created_at AS created_at FROM media m WHERE ${who}${filterSql}
    ORDER BY m.created_at DESC, m.id DESC LIMIT ?`;
}

function filterSql(input: ListMediaInput, cursor: MediaCursor | undefined): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const where = (sql: string, value: unknown): void => {
    parts.push(sql);
    params.push(value);
  };
  if (input.kind) where('m.kind = ?', input.kind);
  if (input.favorite !== undefined) where('m.favorite = ?', input.favorite ? 1 : 0);
  if (input.model) where('m.model = ?', input.model);
  if (input.from !== undefined) where('m.created_at >= ?', input.from);
  if (input.to !== undefined) where('m.created_at < ?', input.to);
  if (cursor) {
    // `created_at <= ?` bounds the index range; the OR then breaks ties on id within one millisecond.
    parts.push('m.created_at <= ? AND (m.created_at < ? OR m.id < ?)');
    params.push(cursor.createdAt, cursor.createdAt, cursor.id);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
