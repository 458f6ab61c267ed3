import { getTableColumns } from 'drizzle-orm';
import type { MediaKind } from '../../../shared/domain/media';
import type { Db } from '../../db/client';
import type { KeysetPosition } from '../../db/keysetCursor';
import { media, type MediaRow } from '../../db/schema';
import { prepared } from './statementCache';

/**
 * The media queries that need SQL drizzle's builder cannot write: a gallery page driven by the
 * full-text index or merged from per-user index walks (UNION ALL), and the recursive source chain.
 * Rows come back as `MediaRecord`, the schema's own row type plus the owner's email, decoded the
 * way drizzle decodes the table's reads (booleans, JSON columns), so no row shape is written by hand.
 */

/** One media row with its owner's email: a single JOIN, so a page of 60 admin items costs one statement. */
export type MediaRecord = MediaRow & { ownerEmail: string };

const COLUMNS = Object.entries(getTableColumns(media));

/** SELECT list for `FROM media m JOIN user u ON u.id = m.user_id`, derived from the schema. */
const MEDIA_RECORD_COLUMNS = [...COLUMNS.map(([key, column]) => `m.${column.name} AS ${key}`), 'u.email AS ownerEmail'].join(', ');
const MEDIA_RECORD_FROM = 'media m JOIN user u ON u.id = m.user_id';

/**
 * The columns whose stored form differs from their value (today: booleans and JSON). Plain text and
 * integer columns read as stored; any other mode a column gains later is decoded too.
 */
const PLAIN = new Set(['SQLiteText', 'SQLiteInteger']);
const DECODED = COLUMNS.filter(([, column]) => !PLAIN.has(column.columnType));

/**
 * A raw row selected with MEDIA_RECORD_COLUMNS, decoded in place by each column's own drizzle
 * mapping (about 1.3 µs a row, mostly the params JSON). A JSON column that does not parse (a row
 * damaged outside the app) reads as null rather than failing the whole page it is on.
 */
function toMediaRecord(raw: Record<string, unknown>): MediaRecord {
  for (const [key, column] of DECODED) {
    const value = raw[key];
    if (value === null || value === undefined) continue;
    try {
      raw[key] = column.mapFromDriverValue(value);
    } catch {
      raw[key] = null;
    }
  }
  return raw as MediaRecord;
}

function all(db: Db, sql: string, params: unknown[]): MediaRecord[] {
  return (prepared(db, sql).all(...params) as Record<string, unknown>[]).map(toMediaRecord);
}

/** One item by id, whoever owns it (callers check scope). */
export function mediaRecordById(db: Db, id: string): MediaRecord | null {
  return all(db, `SELECT ${MEDIA_RECORD_COLUMNS} FROM ${MEDIA_RECORD_FROM} WHERE m.id = ?`, [id])[0] ?? null;
}

/** Items by id, oldest first; unknown ids are left out. */
export function mediaRecordsByIds(db: Db, ids: readonly string[]): MediaRecord[] {
  if (ids.length === 0) return [];
  return all(db, `SELECT ${MEDIA_RECORD_COLUMNS} FROM ${MEDIA_RECORD_FROM} WHERE m.id IN (${marks(ids.length)}) ORDER BY m.created_at, m.id`, [
    ...ids,
  ]);
}

/** What an item was made from, nearest first, at most `maxDepth` steps (a cycle in bad data cannot loop forever). */
export function sourceChainOf(db: Db, id: string, maxDepth: number): MediaRecord[] {
  return all(
    db,
    `WITH RECURSIVE chain(id, depth) AS (
       SELECT parent_media_id, 1 FROM media WHERE id = ? AND parent_media_id IS NOT NULL
       UNION ALL
       SELECT m.parent_media_id, c.depth + 1 FROM media m JOIN chain c ON m.id = c.id
       WHERE m.parent_media_id IS NOT NULL AND c.depth < ${Math.trunc(maxDepth)}
     )
     SELECT ${MEDIA_RECORD_COLUMNS} FROM chain c JOIN media m ON m.id = c.id JOIN user u ON u.id = m.user_id ORDER BY c.depth`,
    [id],
  );
}

/**
 * Everything made from `rootId`, however deep (edits of edits, extensions of refines), with the
 * root itself: one recursive walk down media_parent_idx. At most `limit` rows, `maxDepth` levels (a
 * cycle in bad data cannot loop forever); oldest first.
 */
export function descendantsOf(db: Db, rootId: string, maxDepth: number, limit: number): MediaRecord[] {
  return all(
    db,
    `WITH RECURSIVE tree(id, depth) AS (
       SELECT ?, 0
       UNION
       SELECT m.id, t.depth + 1 FROM media m JOIN tree t ON m.parent_media_id = t.id WHERE t.depth < ${Math.trunc(maxDepth)}
     ),
     ids AS (SELECT DISTINCT id FROM tree LIMIT ${Math.trunc(limit)})
     SELECT ${MEDIA_RECORD_COLUMNS} FROM ids JOIN media m ON m.id = ids.id JOIN user u ON u.id = m.user_id ORDER BY m.created_at, m.id`,
    [rootId],
  );
}

/**
 * How many items a gallery view holds, counting at most `cap` (the same plans as a page: an index
 * range per owner, or the FTS matches as the outer loop, so the cost is bounded by the cap).
 */
export function countMediaPage(db: Db, query: Omit<MediaPageQuery, 'cursor' | 'fetch'>, cap: number): number {
  const { userIds, fts } = query;
  const filter = filterSql(query);
  const sql = fts
    ? `SELECT count(*) AS n FROM (SELECT 1 FROM (SELECT k.media_id AS id FROM media_fts JOIN media_search_key k ON k.id = media_fts.rowid WHERE media_fts MATCH ?) h
         CROSS JOIN media m ON m.id = h.id WHERE m.user_id IN (${marks(userIds.length)})${filter.sql} LIMIT ?)`
    : `SELECT count(*) AS n FROM (SELECT 1 FROM media m WHERE m.user_id IN (${marks(userIds.length)})${filter.sql} LIMIT ?)`;
  const params = fts ? [fts, ...userIds, ...filter.params, cap] : [...userIds, ...filter.params, cap];
  return (prepared(db, sql).get(...params) as { n: number }).n;
}

export interface MediaPageQuery {
  /** the owners whose items may appear (already scope-checked) */
  userIds: readonly string[];
  /** an FTS5 query (from `toFtsQuery`), or null for no text search */
  fts: string | null;
  cursor?: KeysetPosition;
  /** rows to fetch: a page plus one, which tells whether another page exists */
  fetch: number;
  kind?: MediaKind;
  model?: string;
  favorite?: boolean;
  from?: number;
  to?: number;
}

/**
 * Up to this many owners, a page is assembled from one short index walk per owner (each stops after
 * one page) merged newest first: the cost depends on the page size and the number of owners, never
 * on how many items exist. Beyond it (an admin managing most of a big lab) a single walk with
 * `user_id IN (…)` is as good and keeps the statement within SQLite's limits.
 */
const MAX_MERGED_USERS = 64;

/** One gallery page, newest first, keyset-paginated on (created_at, id). */
export function mediaPage(db: Db, query: MediaPageQuery): MediaRecord[] {
  const { sql, params } = pageSql(query);
  return all(db, sql, params);
}

/** SQLite's plan for a page (tests and the benchmark check no page scans the table or sorts it whole). */
export function explainMediaPage(db: Db, query: MediaPageQuery): string[] {
  const { sql, params } = pageSql(query);
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

function pageSql(query: MediaPageQuery): { sql: string; params: unknown[] } {
  const { userIds, fts, fetch } = query;
  const filter = filterSql(query);
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

function filterSql(query: Omit<MediaPageQuery, 'fetch'>): { sql: string; params: unknown[] } {
  // an input picked for a generator stays out of every gallery view until a job uses it
  const parts: string[] = ['m.listed = 1'];
  const params: unknown[] = [];
  const where = (clause: string, value: unknown): void => {
    parts.push(clause);
    params.push(value);
  };
  if (query.kind) where('m.kind = ?', query.kind);
  if (query.favorite !== undefined) where('m.favorite = ?', query.favorite ? 1 : 0);
  if (query.model) where('m.model = ?', query.model);
  if (query.from !== undefined) where('m.created_at >= ?', query.from);
  if (query.to !== undefined) where('m.created_at < ?', query.to);
  if (query.cursor) {
    // `created_at <= ?` bounds the index range; the OR then breaks ties on id within one millisecond.
    parts.push('m.created_at <= ? AND (m.created_at < ? OR m.id < ?)');
    params.push(query.cursor.createdAt, query.cursor.createdAt, query.cursor.id);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** A picked input the unused-input sweep may remove (unusedInputs.ts): its id and files. */
export interface UnusedInputRow {
  id: string;
  relPath: string;
  thumbRelPath: string | null;
}

/**
 * Unlisted inputs created before `before` that no job of their owner names among its inputs (a job
 * can only use an input made before it) and no saved draft refers to (an input slot's `id`, or the
 * video a draft continues, `mediaId`). Walks `media_user_kind_created_idx` per person; JSON is only
 * read for the few candidates; a damaged JSON value is skipped rather than failing the sweep.
 */
export function unusedInputs(db: Db, before: number, limit: number): UnusedInputRow[] {
  return prepared(
    db,
    `SELECT m.id AS id, m.rel_path AS relPath, m.thumb_rel_path AS thumbRelPath
       FROM media m
      WHERE m.user_id IN (SELECT id FROM user)
        AND m.kind = 'input' AND m.listed = 0 AND m.created_at < ?
        AND NOT EXISTS (SELECT 1 FROM job j, json_each(j.input_ids) e
                         WHERE j.user_id = m.user_id AND j.created_at >= m.created_at AND json_valid(j.input_ids) AND e.value = m.id)
        AND NOT EXISTS (SELECT 1 FROM draft d, json_tree(d.value) t
                         WHERE json_valid(d.value) AND t.key IN ('id', 'mediaId') AND t.atom = m.id)
      LIMIT ?`,
  ).all(before, limit) as UnusedInputRow[];
}
