import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { job } from './jobs';
import { user } from './users';

export const MEDIA_KINDS = ['image', 'video', 'input'] as const;

/**
 * A file in the media store (`media/<yyyy>/<mm>/<id>.<ext>` under the data folder). The row is
 * written only after the file is durable; `user_id` has no cascade on purpose: deleting a user
 * must decide explicitly whether their media is deleted or transferred.
 */
export const media = sqliteTable(
  'media',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    jobId: text('job_id').references(() => job.id, { onDelete: 'set null' }),
    /** path relative to the data folder */
    relPath: text('rel_path').notNull(),
    /** thumbnail (images) or poster frame (videos), relative to the data folder */
    thumbRelPath: text('thumb_rel_path'),
    mimeType: text('mime_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    durationMs: integer('duration_ms'),
    prompt: text('prompt'),
    negativePrompt: text('negative_prompt'),
    model: text('model'),
    /** JSON of every generation parameter */
    params: text('params', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** JSON array of the input media ids used to make this item */
    inputIds: text('input_ids', { mode: 'json' }).$type<string[]>(),
    /** the item this one edits, animates, refines or extends */
    parentMediaId: text('parent_media_id').references((): AnySQLiteColumn => media.id, { onDelete: 'set null' }),
    favorite: integer('favorite', { mode: 'boolean' }).notNull().default(false),
    /** the integrity sweep found the file gone */
    missing: integer('missing', { mode: 'boolean' }).notNull().default(false),
    /**
     * shown in the gallery's lists, counts and totals. False only for an image imported as a
     * generator's input until a job uses it (docs/media.md): picking a file is not adding it.
     */
    listed: integer('listed', { mode: 'boolean' }).notNull().default(true),
    workstationHost: text('workstation_host').notNull(),
    workstationUser: text('workstation_user').notNull(),
    workstationIp: text('workstation_ip'),
    /** Google's response id, operation name or interaction id */
    providerRef: text('provider_ref'),
    createdAt: integer('created_at').notNull(),
  },
  // Every gallery page walks one of these per visible user, newest first, and stops after one page:
  // the filter column sits between user and time so a filtered page stays a short index range too.
  // `listed` trails each of them: the walk skips unlisted inputs from the index alone, and an
  // unfiltered count stays index-only.
  (t) => [
    index('media_user_created_idx').on(t.userId, t.createdAt, t.id, t.listed),
    index('media_user_kind_created_idx').on(t.userId, t.kind, t.createdAt, t.id, t.listed),
    index('media_user_favorite_created_idx').on(t.userId, t.favorite, t.createdAt, t.id, t.listed),
    index('media_user_model_created_idx').on(t.userId, t.model, t.createdAt, t.id, t.listed),
    index('media_created_idx').on(t.createdAt, t.id, t.listed),
    index('media_job_idx').on(t.jobId),
    index('media_parent_idx').on(t.parentMediaId),
    // media.stats (the gallery's totals, the profile, the admin's per-person counts) sums bytes per
    // owner and kind: covered by this index, it reads no table row (≈ 7× faster at 100 000 items)
    index('media_user_kind_totals_idx').on(t.userId, t.kind, t.bytes, t.missing, t.listed),
  ],
);

/** A media row as drizzle reads it (booleans and JSON decoded). */
export type MediaRow = typeof media.$inferSelect;

/** The file half of a media row: what storing a file decides, before anyone records how it was made. */
export type MediaFileFacts = Pick<
  MediaRow,
  'id' | 'kind' | 'relPath' | 'thumbRelPath' | 'mimeType' | 'bytes' | 'width' | 'height' | 'durationMs' | 'createdAt'
>;
