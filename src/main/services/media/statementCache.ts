import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client';

const MAX_STATEMENTS = 256;
const caches = new WeakMap<object, Map<string, Statement>>();

/**
 * Prepared statements by SQL text, per connection. Gallery queries are built from the filters in
 * use, so the same few shapes repeat; preparing each once keeps a page's cost to the query itself.
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db.$client);
  if (!cache) {
    cache = new Map();
    caches.set(db.$client, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.$client.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
  }
  return statement;
}
