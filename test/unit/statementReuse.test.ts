// The connection hands back the statement it prepared before for the same SQL (db/statementReuse.ts):
// fewer statements for the garbage collector, and no caller sees another caller's modes.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reuseStatements } from '../../src/main/db/statementReuse';

function connection(): Database.Database {
  const sqlite = new Database(':memory:');
  reuseStatements(sqlite);
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t (name) VALUES ('ash'), ('birch')");
  return sqlite;
}

describe('reusing prepared statements', () => {
  it('hands back the same statement for the same SQL text, and another for other text', () => {
    const sqlite = connection();
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(sqlite.prepare(sql)).toBe(sqlite.prepare(sql));
    expect(sqlite.prepare('SELECT id FROM t')).not.toBe(sqlite.prepare(sql));
  });

  it('gives each caller the default modes, whatever the last one switched on', () => {
    const sqlite = connection();
    const sql = 'SELECT id, name FROM t ORDER BY id';
    expect(sqlite.prepare(sql).raw().all()).toEqual([
      [1, 'ash'],
      [2, 'birch'],
    ]);
    expect(sqlite.prepare(sql).all()).toEqual([
      { id: 1, name: 'ash' },
      { id: 2, name: 'birch' },
    ]);
    expect(sqlite.prepare(sql).pluck().get()).toBe(1);
    expect(sqlite.prepare(sql).get()).toEqual({ id: 1, name: 'ash' });
  });

  it('gives a fresh statement while the kept one is still iterating', () => {
    const sqlite = connection();
    const sql = 'SELECT name FROM t ORDER BY id';
    const names: string[] = [];
    for (const row of sqlite.prepare(sql).iterate() as Iterable<{ name: string }>) {
      // the same query again, inside the loop: it must not meet "this statement is busy"
      names.push(row.name, String(sqlite.prepare(sql).all().length));
    }
    expect(names).toEqual(['ash', '2', 'birch', '2']);
  });
});
