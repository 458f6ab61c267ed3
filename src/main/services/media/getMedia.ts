import { StudioError } from '../../../shared/contract/errors';
import type { MediaDetails } from '../../../shared/contract/routes/media';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { job } from '../../db/schema';
import type { Actor } from '../../identity';
import { visibleUserIds } from '../accounts/scope';
import { toMediaItem } from './mediaRecord';
import { type MediaRecord, mediaRecordById, mediaRecordsByIds, sourceChainOf } from './mediaRepository';

/** A source chain longer than this is cut (and a cycle in bad data cannot loop forever). */
const MAX_CHAIN = 50;

/** The same answer for "no such item" and "not yours", so ids of other people's items reveal nothing. */
export function mediaNotFound(): StudioError {
  return new StudioError('NOT_FOUND', 'This item does not exist or you cannot see it.');
}

/** One item if the actor may see it (own; an admin also a managed user's), else null. */
export function findVisibleMedia(db: Db, actor: Actor, id: string): MediaRecord | null {
  const row = mediaRecordById(db, id);
  if (!row) return null;
  return new Set(visibleUserIds(db, actor)).has(row.userId) ? row : null;
}

/**
 * An item with everything the details panel shows: every parameter, the inputs it was made from
 * and its source chain (what it edits or animates, and what that came from). Related items the
 * actor may not see are left out rather than named.
 */
export function getMediaDetails(db: Db, actor: Actor, id: string, urlBase: string): MediaDetails {
  const row = findVisibleMedia(db, actor, id);
  if (!row) throw mediaNotFound();
  const visible = new Set(visibleUserIds(db, actor));
  const ctx = { urlBase, forAdmin: actor.role === 'admin' };

  const chain = sourceChainOf(db, id, MAX_CHAIN);
  const inputIds = row.inputIds ?? [];
  const inputs = mediaRecordsByIds(db, inputIds);
  const byId = new Map(inputs.map((r) => [r.id, r]));

  return {
    ...toMediaItem(row, ctx),
    params: row.params ?? {},
    inputIds,
    inputs: inputIds
      .map((inputId) => byId.get(inputId))
      .filter((r): r is MediaRecord => r !== undefined && visible.has(r.userId))
      .map((r) => toMediaItem(r, ctx)),
    sourceChain: chain.filter((r) => visible.has(r.userId)).map((r) => toMediaItem(r, ctx)),
    cost: row.jobId ? jobCostOf(db, row.jobId) : null,
  };
}

/** The cost recorded on the job that made an item (docs/models-and-money.md). */
function jobCostOf(db: Db, jobId: string): MediaDetails['cost'] {
  const row = db.select({ estimatedMicros: job.estimatedCostMicros, actualMicros: job.actualCostMicros }).from(job).where(eq(job.id, jobId)).get();
  return row ?? null;
}
