import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Admin settings as JSON values under stable keys (default quotas, idle timeout, catalogue, …). */
export const setting = sqliteTable('setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});

/** Secrets sealed by the OS keychain (Electron safeStorage); never returned to the renderer. */
export const secret = sqliteTable('secret', {
  name: text('name').primaryKey(),
  sealed: blob('sealed', { mode: 'buffer' }).notNull(),
  /** 'os' or 'unprotected' (an admin opted into storage without OS protection) */
  protection: text('protection').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
