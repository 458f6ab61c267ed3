import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';

/**
 * Append-only audit log. Ids and emails are copied as text, not foreign keys: an entry about a
 * deleted account must outlive the account.
 */
export const auditEntry = sqliteTable(
  'audit_entry',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    action: text('action').notNull(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    targetUserId: text('target_user_id'),
    targetEmail: text('target_email'),
    /** JSON: what changed; never a secret */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** JSON: host name, OS user and IPv4 of the workstation */
    workstation: text('workstation', { mode: 'json' }).$type<WorkstationIdentity>(),
  },
  (t) => [index('audit_at_idx').on(t.at), index('audit_target_idx').on(t.targetUserId), index('audit_actor_idx').on(t.actorId)],
);
