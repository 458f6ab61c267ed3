import type Database from 'better-sqlite3';

/** Distinct SQL texts kept per connection; the app's queries have about a hundred shapes. */
const MAX_STATEMENTS = 500;

/**
 * Makes `prepare` on this connection hand back the statement it prepared before for the same SQL
 * text, instead of a new one each time (drizzle prepares every query it runs). Preparing was a
 * visible share of main's work per job, and it left thousands of statements, each with a native
 * handle to finalize, for the garbage collector on main, whose full collections took 15–25 ms
 * during the image benchmark (`main_loop_block_ms`). With reuse the benchmark's 53 jobs prepare 106
 * statements instead of ≈ 930.
 *
 * A statement is shared only while it is idle (an open iterator keeps it busy: a second user gets a
 * fresh one), and it is handed back in better-sqlite3's default modes, because drizzle switches its
 * reads to raw mode and other callers expect objects.
 */
export function reuseStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  const reuse = (source: string): Database.Statement => {
    const statement = kept.get(source);
    if (statement && !statement.busy) {
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      // most recently used last, so the oldest shape is the one let go
      kept.delete(source);
      kept.set(source, statement);
      return statement;
    }
    const fresh = prepare(source);
    if (!statement) {
      kept.set(source, fresh);
      if (kept.size > MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    return fresh;
  };
  sqlite.prepare = reuse as typeof sqlite.prepare;
}
