import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { reuseStatements } from './statementReuse';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenDbOptions {
  /** the SQLite file; created with its folder when missing */
  file: string;
  /** drizzle-kit's output folder (`drizzle/`), shipped beside the app */
  migrationsDir: string;
  /** called with the backup's path when a pending migration made us copy the file first */
  onBackup?: (backupFile: string) => void;
  /** how long one statement waits for another connection's lock before SQLite answers BUSY (ms) */
  busyTimeoutMs?: number;
}

/**
 * Main's wait for a lock another process holds (a backup tool, a database browser). better-sqlite3
 * waits synchronously, so every millisecond here freezes the whole app: reads never wait in WAL
 * mode, and a write that meets the lock is answered BUSY within about this long (twice, with
 * `withWriteTx`'s one retry) while background work retries on timers (`retryWhileBusy`).
 */
export const MAIN_BUSY_TIMEOUT_MS = 20;

/**
 * Opens the one connection main uses, with the pragmas the invariants rely on, and brings the schema
 * up to date. A file that has data and a pending migration is copied first (VACUUM INTO), so a failed
 * upgrade never costs anyone their gallery.
 */
export function openDb({ file, migrationsDir, onBackup, busyTimeoutMs = MAIN_BUSY_TIMEOUT_MS }: OpenDbOptions): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  reuseStatements(sqlite);
  try {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed quota charge or media row survives a power cut, not just a crash
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    const db: Db = drizzle(sqlite, { schema });
    const pending = pendingMigrations(sqlite, migrationsDir);
    if (pending > 0 && hasUserTables(sqlite)) {
      const backup = `${file}.before-migration-${Date.now()}.bak`;
      sqlite.prepare('VACUUM INTO ?').run(backup);
      onBackup?.(backup);
    }
    if (pending > 0) migrate(db, { migrationsFolder: migrationsDir });
    return db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Ends WAL mode's tail so the database is one self-contained file, then closes it. */
export function closeDb(db: Db): void {
  if (!db.$client.open) return;
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}

function pendingMigrations(sqlite: Database.Database, migrationsDir: string): number {
  const journalFile = path.join(migrationsDir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { when: number }[] };
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return journal.entries.length;
  const last = sqlite.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null };
  return journal.entries.filter((e) => last.at === null || e.when > last.at).length;
}

function hasUserTables(sqlite: Database.Database): boolean {
  return Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get());
}
