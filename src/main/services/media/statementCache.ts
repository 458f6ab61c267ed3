import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client';

/**
 * The statement for one of the media area's hand-written queries. Gallery queries are built from
 * the filters in use, so the same few shapes repeat; the connection keeps one prepared statement
 * per SQL text (db/statementReuse.ts), so a page's cost is the query itself.
 */
export function prepared(db: Db, sql: string): Statement {
  return db.$client.prepare(sql);
}
