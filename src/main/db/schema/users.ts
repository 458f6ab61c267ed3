import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../shared/domain/accounts';

export const user = sqliteTable(
  'user',
  {
    id: text('id').primaryKey(),
    /** trimmed and lower-cased before it is stored or compared */
    email: text('email').notNull().unique(),
    /** bcrypt hash; null while the account awaits its first password (setup code not yet redeemed) */
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    /** the inviting admin; plain text (no foreign key) so deleting that admin leaves history intact */
    createdBy: text('created_by'),
    updatedAt: integer('updated_at').notNull(),
    lastLoginAt: integer('last_login_at'),
    passwordChangedAt: integer('password_changed_at'),
    /** failures inside the current 15-minute window */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    failedWindowStartedAt: integer('failed_window_started_at'),
    lockedUntil: integer('locked_until'),
    /** how many lockouts in a row: the delay doubles with each (1 min … 1 h) */
    lockoutCount: integer('lockout_count').notNull().default(0),
    /** the person's own theme ('system' | 'light' | 'dark'); null follows the system */
    theme: text('theme'),
    /** which models, image sizes and video resolutions this person may use (JSON); null = the default for accounts */
    modelAccess: text('model_access', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('user_role_active_idx').on(t.role, t.isActive)],
);

/** Admin scoping: which admins manage which users (many-to-many). */
export const userManager = sqliteTable(
  'user_manager',
  {
    adminId: text('admin_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    grantedBy: text('granted_by'),
  },
  (t) => [primaryKey({ columns: [t.adminId, t.userId] }), index('user_manager_user_idx').on(t.userId)],
);

/** One-time setup codes: only the hash is kept; the code itself is shown to the admin once. */
export const setupCode = sqliteTable(
  'setup_code',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    issuedBy: text('issued_by'),
  },
  (t) => [index('setup_code_user_idx').on(t.userId)],
);

/** A generator page's unsent draft (prompt, model, options, inputs), kept by main for its owner only. */
export const draft = sqliteTable(
  'draft',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** 'image' | 'edit' | 'video' */
    page: text('page').notNull(),
    value: text('value', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.page] })],
);
