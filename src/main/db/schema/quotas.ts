import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { QUOTA_KINDS, QUOTA_PERIODS } from '../../../shared/domain/quotas';
import { user } from './users';

export const quotaPolicy = sqliteTable(
  'quota_policy',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: QUOTA_KINDS }).notNull(),
    period: text('period', { enum: QUOTA_PERIODS }).notNull(),
    limit: integer('limit').notNull(),
    /** an admin reset the current period's usage: only ledger entries after this count */
    usageResetAt: integer('usage_reset_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * The quota ledger: one row per reservation. Used = committed + reserved inside the current period;
 * released rows stay for the record but count nothing.
 */
export const quotaReservation = sqliteTable(
  'quota_reservation',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: QUOTA_KINDS }).notNull(),
    units: integer('units').notNull(),
    jobId: text('job_id').notNull(),
    state: text('state', { enum: ['reserved', 'committed', 'released'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    settledAt: integer('settled_at'),
  },
  (t) => [
    index('quota_reservation_usage_idx').on(t.userId, t.kind, t.createdAt),
    index('quota_reservation_job_idx').on(t.jobId),
    index('quota_reservation_state_idx').on(t.state),
  ],
);
