import { StudioError } from '../../../shared/contract/errors';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { Actor } from '../../identity';
import { encodeKeysetCursor } from '../../db/keysetCursor';
import { jobListPosition } from './jobCursor';
import type { JobRepository } from './jobRepository';
import type { JobRunner } from './jobRunner';

export interface JobQueryDeps {
  jobs: Pick<JobRepository, 'page' | 'get'>;
  jobRunner: Pick<JobRunner, 'dto' | 'dtos' | 'cancel'>;
}

/** The actor's own jobs, newest first, one keyset page at a time. */
export function listJobs(deps: JobQueryDeps, actor: Actor, input: ParsedInput<'jobs.list'>): RouteOutput<'jobs.list'> {
  const rows = deps.jobs.page(actor.userId, {
    limit: input.limit + 1,
    cursor: input.cursor ? jobListPosition(input.cursor) : undefined,
    active: input.active,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { items: deps.jobRunner.dtos(page), nextCursor: rows.length > input.limit && last ? encodeKeysetCursor(last) : null };
}

/** Cancels one of the actor's jobs; someone else's job is as absent as a job that never existed. */
export function cancelJob(deps: JobQueryDeps, actor: Actor, jobId: string): RouteOutput<'jobs.cancel'> {
  const row = deps.jobs.get(jobId);
  if (!row || row.userId !== actor.userId) throw new StudioError('NOT_FOUND', 'No such job.');
  deps.jobRunner.cancel(row.id);
  return { job: deps.jobRunner.dto(deps.jobs.get(row.id) ?? row) };
}
