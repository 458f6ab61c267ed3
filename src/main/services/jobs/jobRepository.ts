import { and, desc, eq, gte, inArray, isNotNull, lt, notInArray, or, sql } from 'drizzle-orm';
import type { JobDto } from '../../../shared/contract/routes/generation';
import { FINAL_JOB_STATUSES, type JobStatus } from '../../../shared/domain/jobs';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import type { KeysetPosition } from '../../db/keysetCursor';
import { job, media } from '../../db/schema';

export type JobRow = typeof job.$inferSelect;
export type NewJobRow = typeof job.$inferInsert;

/** Job rows: the durable half of the job system. */
export class JobRepository {
  /** prepared once: the runner reads a job by id several times per job, and building the query cost more than running it */
  private readonly byId;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.byId = db
      .select()
      .from(job)
      .where(eq(job.id, sql.placeholder('id')))
      .prepare();
  }

  insert(rows: NewJobRow[]): void {
    if (rows.length) this.db.insert(job).values(rows).run();
  }

  get(id: string): JobRow | undefined {
    return this.byId.get({ id });
  }

  byIdempotencyPrefix(userId: string, key: string, count: number): JobRow[] {
    const keys = Array.from({ length: count }, (_, i) => `${key}#${i}`);
    return this.db
      .select()
      .from(job)
      .where(and(eq(job.userId, userId), inArray(job.idempotencyKey, keys)))
      .all();
  }

  /**
   * Moves a job to a new state unless it already finished: a finished job is final, so a late
   * poll or a cancel racing a success can never rewrite it. Returns whether the row changed.
   */
  transition(id: string, status: JobStatus, fields: Partial<NewJobRow> = {}): boolean {
    const now = this.clock.now();
    const final = (FINAL_JOB_STATUSES as JobStatus[]).includes(status);
    return (
      this.db
        .update(job)
        .set({ ...fields, status, updatedAt: now, ...(final ? { finishedAt: now } : {}) })
        .where(and(eq(job.id, id), notInArray(job.status, [...FINAL_JOB_STATUSES])))
        .run().changes > 0
    );
  }

  unfinished(): JobRow[] {
    return this.db
      .select()
      .from(job)
      .where(notInArray(job.status, [...FINAL_JOB_STATUSES]))
      .orderBy(job.createdAt)
      .all();
  }

  /** Jobs sent to Google since `at` (the spend window after a restart). */
  submittedSince(at: number): JobRow[] {
    return this.db.select().from(job).where(gte(job.submittedAt, at)).all();
  }

  /**
   * When each person last started a job among the jobs created since `createdSince`, for the
   * queue's round-robin after a restart. A start is recorded as `submitted_at`; a job Google refused
   * with a 429 has that cleared and keeps `rate_limited_since` instead (its first refusal, so at
   * worst an earlier start). The bound on `created_at` walks `job_created_idx` over recent jobs only.
   */
  lastStartByUser(createdSince: number): { userId: string; at: number }[] {
    const at = sql<number>`max(coalesce(${job.submittedAt}, ${job.rateLimitedSince}))`;
    return this.db
      .select({ userId: job.userId, at })
      .from(job)
      .where(and(gte(job.createdAt, createdSince), or(isNotNull(job.submittedAt), isNotNull(job.rateLimitedSince))))
      .groupBy(job.userId)
      .all();
  }

  /** A page of a user's jobs, newest first; the cursor is the last row's (createdAt, id). */
  page(userId: string, options: { limit: number; cursor?: KeysetPosition; active?: boolean }): JobRow[] {
    const conditions = [eq(job.userId, userId)];
    if (options.active) conditions.push(notInArray(job.status, [...FINAL_JOB_STATUSES]));
    if (options.cursor) {
      const { createdAt, id } = options.cursor;
      conditions.push(or(lt(job.createdAt, createdAt), and(eq(job.createdAt, createdAt), lt(job.id, id)))!);
    }
    return this.db
      .select()
      .from(job)
      .where(and(...conditions))
      .orderBy(desc(job.createdAt), desc(job.id))
      .limit(options.limit)
      .all();
  }

  /** The media each job made (one query for a whole page of jobs). */
  results(jobIds: string[]): Map<string, { id: string; hasThumb: boolean }[]> {
    const out = new Map<string, { id: string; hasThumb: boolean }[]>();
    if (!jobIds.length) return out;
    const rows = this.db
      .select({ id: media.id, jobId: media.jobId, thumb: media.thumbRelPath })
      .from(media)
      .where(inArray(media.jobId, jobIds))
      .all();
    for (const row of rows) {
      if (!row.jobId) continue;
      out.set(row.jobId, [...(out.get(row.jobId) ?? []), { id: row.id, hasThumb: row.thumb !== null }]);
    }
    return out;
  }

  toDto(row: JobRow, results: JobDto['results'], typicalDurationMs: number | null): JobDto {
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      model: row.model,
      prompt: row.prompt,
      params: row.params,
      inputIds: row.inputIds,
      parentMediaId: row.parentMediaId,
      createdAt: row.createdAt,
      submittedAt: row.submittedAt,
      finishedAt: row.finishedAt,
      errorCode: row.errorCode,
      errorMessage: row.errorMessage,
      results,
      typicalDurationMs,
      requestId: requestIdOf(row.idempotencyKey),
      retryAt: retryAtOf(row),
      estimatedCostMicros: row.estimatedCostMicros,
      actualCostMicros: row.actualCostMicros,
      waitingFor: row.status === 'queued' && row.notBefore !== null && row.notBefore > this.clock.now() ? 'rateLimit' : null,
    };
  }
}

/** Jobs of one click carry the click's key with `#index` appended (generationService.createJobs). */
function requestIdOf(idempotencyKey: string | null): string | null {
  return idempotencyKey ? (idempotencyKey.split('#')[0] ?? null) : null;
}

/**
 * A job waiting out Google's rate limit starts again at `notBefore`. A job that failed on a rate
 * limit (older versions failed at the first 429) keeps only the message, which names Google's retry
 * delay (gemini/errors.ts writes "Try again in N s."); counted from when the job ended.
 */
function retryAtOf(row: Pick<JobRow, 'status' | 'notBefore' | 'errorCode' | 'errorMessage' | 'finishedAt'>): number | null {
  if (row.status === 'queued') return row.notBefore;
  if (row.errorCode !== 'RATE_LIMITED' || row.finishedAt === null) return null;
  const seconds = /Try again in (\d+) s\./.exec(row.errorMessage ?? '')?.[1];
  return seconds ? row.finishedAt + Number(seconds) * 1000 : null;
}
