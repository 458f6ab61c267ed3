import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { JOB_KIND_VALUES, JOB_STATUS_VALUES } from '../../../shared/domain/jobs';
import { user } from './users';

export { JOB_KIND_VALUES as JOB_KINDS, JOB_STATUS_VALUES as JOB_STATUSES } from '../../../shared/domain/jobs';

/** A durable generation job (docs/generation-and-jobs.md). It belongs to main, not to the window that asked for it. */
export const job = sqliteTable(
  'job',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: JOB_KIND_VALUES }).notNull(),
    /** which provider adapter runs it: 'gemini-image', 'veo', 'omni' */
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    status: text('status', { enum: JOB_STATUS_VALUES }).notNull(),
    prompt: text('prompt').notNull(),
    negativePrompt: text('negative_prompt'),
    /** JSON of every parameter sent to Google */
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** JSON array of input media ids (source, references, frames) */
    inputIds: text('input_ids', { mode: 'json' }).$type<string[]>().notNull(),
    /** the media item this job edits, animates, refines or extends */
    parentMediaId: text('parent_media_id'),
    idempotencyKey: text('idempotency_key'),
    units: integer('units').notNull(),
    workstationHost: text('workstation_host').notNull(),
    workstationUser: text('workstation_user').notNull(),
    workstationIp: text('workstation_ip'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** set before the network call: a job with this set and no outcome may have been billed */
    submittedAt: integer('submitted_at'),
    /** Veo operation name or Omni interaction id, stored right after submission */
    operationName: text('operation_name'),
    responseId: text('response_id'),
    finishedAt: integer('finished_at'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    /** the pricing function's estimate for this order, in integer micro-dollars (docs/models-and-money.md) */
    estimatedCostMicros: integer('estimated_cost_micros'),
    /** what the job cost: from Google's usage metadata where present, else the price table; null until it ends */
    actualCostMicros: integer('actual_cost_micros'),
    /** the "as of" date of the price rule both figures were computed with */
    priceAsOf: text('price_as_of'),
    /** a waiting job does not start before this time (a 429's RetryInfo delay or a backoff) */
    notBefore: integer('not_before'),
    /** when Google first answered 429 for this job: the bounded wait is counted from here */
    rateLimitedSince: integer('rate_limited_since'),
  },
  (t) => [
    index('job_user_created_idx').on(t.userId, t.createdAt),
    index('job_status_idx').on(t.status),
    /** the generation log pages every attempt newest first */
    index('job_created_idx').on(t.createdAt, t.id),
    uniqueIndex('job_idempotency_idx').on(t.userId, t.idempotencyKey),
  ],
);
