import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { GoogleGenAI } from '@google/genai';
import { StudioError } from '../../../shared/contract/errors';
import type { JobDto } from '../../../shared/contract/routes/generation';
import { isFinalJobStatus, type JobStatus } from '../../../shared/domain/jobs';
import type { ReportedUsage } from '../../../shared/domain/pricing';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import type { Logger } from '../../logger';
import { storageErrorOf } from '../../storageErrors';
import type { EventHub } from '../app/eventHub';
import type { VideoOutput, VideoProvider } from '../gemini/videoProvider';
import { isBusyError, retryWhileBusy, withoutBusyWait, withWriteTx } from '../../db/tx';
import type { JobRepository, JobRow } from './jobRepository';
import type { PendingResult, PendingResults } from './pendingResults';
import type { GeneratedMediaRecord, MediaPort, MediaFileFacts, QuotaPort } from './ports';
import {
  afterRateLimit,
  estimateOfJob,
  pickNext,
  type QueueFamily,
  queueFamilyOf,
  ROUND_ROBIN_LOOKBACK_MS,
  slotKindOf,
  SPEND_WINDOW_MS,
  spendInWindow,
  type QueueState,
  type WaitingJob,
  type WaitState,
  waitStateOf,
} from './schedule';
import { Slots } from './slots';
import { InterruptedSubmit, VideoSteps } from './videoSteps';
import type { GenerationWorker } from './worker/workerHost';

/**
 * Every call to Google has a deadline that ends it even if the request never returns
 * (gemini/callBudget.ts); these are the budgets. Tests shorten them.
 */
export interface JobTimings {
  /** budget of one image request (docs/generation-and-jobs.md: the SDK has none) */
  imageTimeoutMs: number;
  /** one video create/submit (Omni create, Veo generateVideos); unanswered by then → interrupted, never resent */
  videoSubmitTimeoutMs: number;
  /** one status check of a running video (Omni get, Veo operation); a miss is retried a few times */
  videoPollTimeoutMs: number;
  /** telling Google to stop a video (Omni cancel) */
  videoCancelTimeoutMs: number;
  pollIntervalMs: number;
  /** give up on a video that has not finished by then */
  maxVideoWaitMs: number;
  /** a whole video download */
  downloadTimeoutMs: number;
  /** a video download that received nothing for this long */
  downloadStallMs: number;
  maxVideoBytes: number;
  /** how long a job's state writes wait out another process's lock on the database (ms) */
  busyRetryMs: number;
}

export const DEFAULT_JOB_TIMINGS: JobTimings = {
  imageTimeoutMs: 180_000,
  videoSubmitTimeoutMs: 60_000,
  videoPollTimeoutMs: 30_000,
  videoCancelTimeoutMs: 15_000,
  pollIntervalMs: 10_000,
  maxVideoWaitMs: 20 * 60_000,
  downloadTimeoutMs: 10 * 60_000,
  downloadStallMs: 60_000,
  maxVideoBytes: 1024 * 1024 * 1024,
  busyRetryMs: 2 * 60_000,
};

export interface JobRunnerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: JobRepository;
  quota: QuotaPort;
  media: MediaPort;
  /** notes of delivered results not yet recorded (kept across a restart) */
  pendingResults: PendingResults;
  events: EventHub;
  genai: () => GoogleGenAI;
  apiKey: () => string;
  geminiBaseUrl?: string;
  /** runs image jobs' calls and saves off main's event loop */
  worker: GenerationWorker;
  videoProviders: Record<'veo' | 'omni', VideoProvider>;
  maxParallel: () => number;
  /**
   * The queue's admin settings (docs/generation-and-jobs.md, "The queue"): how long a job waits out
   * Google's rate limit before it fails, and the optional spend limit per 10 minutes (micro-dollars).
   */
  queueLimits?: () => { rateLimitMaxWaitMs: number; spendLimitMicros: number | null };
  timings: JobTimings;
  /** the transport's URLs for a media item */
  mediaUrls: (mediaId: string, hasThumb: boolean) => { url: string; thumbUrl: string | null };
}

/** Thrown through a pipeline when the app is shutting down: the job keeps its state for recovery. */
class ShutdownSignal extends Error {}

/** The job's account was deleted: nothing is written back, and Google is told to stop. */
class AbandonSignal extends ShutdownSignal {}

/**
 * Google answered a create/submit with 429: a refusal it does not bill. The job goes back to
 * waiting (`notBefore`), or fails once it has waited out the admin's bound (`notBefore` null).
 */
class RateLimitRefusal extends Error {
  constructor(
    readonly error: StudioError,
    readonly since: number,
    readonly notBefore: number | null,
  ) {
    super(error.message);
  }
}

const DEFAULT_QUEUE_LIMITS = { rateLimitMaxWaitMs: 30 * 60_000, spendLimitMicros: null };

/**
 * Runs generation jobs in main: bounded parallelism, durable state at every step, a quota charge
 * committed exactly once with the media rows, released on every failure. Jobs outlive the window
 * that asked for them; `recover` picks them up after a restart without ever resubmitting a request
 * whose outcome is unknown.
 */
export class JobRunner {
  private readonly slots: Slots;
  private readonly video: VideoSteps;
  private readonly running = new Map<string, AbortController>();
  /** jobs waiting for their turn, by id (docs/generation-and-jobs.md, "The queue"); they hold no slot */
  private readonly waiting = new Map<string, WaitingJob>();
  /** what each waiting job's tile was last told it waits for, so a change is announced once */
  private readonly announcedWait = new Map<string, string>();
  private readonly lastStartByUser = new Map<string, number>();
  private starts = 0;
  private readonly familyPausedUntil = new Map<QueueFamily, number>();
  /** the jobs started in the spend window, oldest first, with their estimates until they end and their actual costs after */
  private spendWindow: { jobId: string; at: number; micros: number }[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private pumping = false;
  private wakeScheduled = false;
  private pumpAgain = false;
  /**
   * Videos Google reported done in this run, with its usage report: from then on Google bills them,
   * so a failure to download or save them (or a cancel that came too late) charges that cost
   */
  private readonly finishedByGoogle = new Map<string, { usage?: ReportedUsage }>();
  private readonly settled = new Set<Promise<void>>();
  /** aborted at shutdown: ends waits on a busy database that no single job's cancel may cut short */
  private readonly stopped = new AbortController();
  private stopping = false;

  constructor(private readonly deps: JobRunnerDeps) {
    // a freed slot starts the next waiting job (after the releasing pipeline has moved on)
    this.slots = new Slots(deps.maxParallel, () => queueMicrotask(() => this.wake()));
    this.video = new VideoSteps(deps, (jobId, status, fields, signal) => this.move(jobId, status, fields, signal));
  }

  /**
   * Starts (or resumes) a job in the background. The job is announced as it is now (`queued` for a
   * new one): the window shows it in its queue from this event, without asking for the list again,
   * even when every slot is busy and the next change is a while away.
   */
  start(jobId: string): void {
    if (!this.enqueue(jobId)) return;
    this.emit(jobId);
    this.wakeSoon();
  }

  /**
   * `wake` on the next turn of the event loop, once for any number of calls: the request that made
   * the jobs is answered first, and the first job's start (its state write, the post to the worker)
   * runs as a task of its own rather than lengthening that request's (`main_loop_block_ms`).
   */
  private wakeSoon(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    this.track(
      new Promise<void>((resolve) =>
        setImmediate(() => {
          this.wakeScheduled = false;
          try {
            this.wake();
          } finally {
            resolve();
          }
        }),
      ),
    );
  }

  /**
   * A job not yet sent waits in the queue for its turn; a video Google already has resumes at once
   * (polling holds no slot). Returns whether the job was taken.
   */
  private enqueue(jobId: string): boolean {
    if (this.stopping || this.running.has(jobId) || this.waiting.has(jobId)) return false;
    const row = this.deps.jobs.get(jobId);
    if (!row || isFinalJobStatus(row.status)) return false;
    if (row.submittedAt !== null || row.operationName !== null) {
      this.launch(jobId);
      return true;
    }
    const family = queueFamilyOf(row);
    // a rate limit met before a restart still holds the family back
    if (row.rateLimitedSince !== null && row.notBefore !== null) this.pauseFamily(family, row.notBefore);
    this.waiting.set(jobId, {
      id: row.id,
      userId: row.userId,
      kind: row.kind,
      family,
      createdAt: row.createdAt,
      notBefore: row.notBefore,
      estimateMicros: estimateOfJob(row) ?? 0,
    });
    return true;
  }

  private launch(jobId: string, slot?: () => void): void {
    const controller = new AbortController();
    this.running.set(jobId, controller);
    this.track(
      this.run(jobId, controller.signal, slot).then(
        (next) => {
          this.running.delete(jobId);
          this.finishedByGoogle.delete(jobId);
          this.settleSpend(jobId);
          if (next === 'wait' && this.enqueue(jobId)) {
            this.emit(jobId);
            this.wake();
          }
        },
        (error: unknown) => {
          this.running.delete(jobId);
          this.finishedByGoogle.delete(jobId);
          this.deps.logger.error('job runner crashed', { jobId, error: String(error) });
        },
      ),
    );
  }

  /**
   * Starts waiting jobs while slots are free, each chosen by `pickNext` (schedule.ts): round-robin
   * across people, Google's rate limit and the spend limit respected. Timers call it when a wait
   * ends; tests call it after moving the clock.
   */
  wake(): void {
    if (this.stopping) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.pumpAgain = false;
        this.pumpOnce();
      } while (this.pumpAgain);
    } finally {
      this.pumping = false;
    }
  }

  private pumpOnce(): void {
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    for (;;) {
      const state = this.queueState();
      const pick = pickNext(this.waiting.values(), state);
      if (!pick.job) {
        this.announceWaits(state);
        if (pick.wakeAt !== null) this.wakeAt(pick.wakeAt);
        return;
      }
      const release = this.slots.tryAcquire(slotKindOf(pick.job.kind));
      if (!release) return; // cannot happen: pickNext only offers a kind with a free slot
      const job = pick.job;
      this.waiting.delete(job.id);
      this.announcedWait.delete(job.id);
      this.lastStartByUser.set(job.userId, ++this.starts);
      this.spendWindow.push({ jobId: job.id, at: state.now, micros: job.estimateMicros });
      this.launch(job.id, release);
    }
  }

  /**
   * A job of the spend window that ended counts what it cost from now on, not its estimate: its
   * actual cost (0 when Google refused or failed it; what Google billed otherwise). One that ended
   * before it was sent (cancelled, an input gone) spent nothing and leaves the window. Room that
   * frees may let a waiting job start.
   */
  private settleSpend(jobId: string): void {
    const entry = this.spendWindow.find((s) => s.jobId === jobId);
    if (!entry) return;
    const row = this.deps.jobs.get(jobId);
    if (!row) return; // the account was deleted: what was sent may still be billed
    const before = entry.micros;
    if (row.submittedAt === null) this.spendWindow = this.spendWindow.filter((s) => s !== entry);
    else if (isFinalJobStatus(row.status) && row.actualCostMicros !== null) entry.micros = row.actualCostMicros;
    else return;
    if (row.submittedAt === null || entry.micros < before) this.wake();
  }

  private queueState(): QueueState {
    const now = this.deps.clock.now();
    this.spendWindow = this.spendWindow.filter((s) => s.at > now - SPEND_WINDOW_MS);
    for (const [family, until] of this.familyPausedUntil) if (until <= now) this.familyPausedUntil.delete(family);
    return {
      now,
      lastStartByUser: this.lastStartByUser,
      familyPausedUntil: this.familyPausedUntil,
      spend: { limitMicros: this.limits().spendLimitMicros, started: this.spendWindow },
      canStart: (kind) => this.slots.canTake(kind),
    };
  }

  private limits(): { rateLimitMaxWaitMs: number; spendLimitMicros: number | null } {
    return this.deps.queueLimits?.() ?? DEFAULT_QUEUE_LIMITS;
  }

  /** Tells each waiting job's owner when what it waits for changed (a rate limit, the spend limit). */
  private announceWaits(state: QueueState): void {
    for (const job of this.waiting.values()) {
      const wait = waitStateOf(job, state);
      const key = `${wait.reason}:${wait.until ?? ''}`;
      if (this.announcedWait.get(job.id) === key) continue;
      const first = !this.announcedWait.has(job.id);
      this.announcedWait.set(job.id, key);
      // a fresh job was announced as queued already; only a wait with a time is news
      if (!first || wait.reason !== 'slot') this.emit(job.id);
    }
  }

  private wakeAt(at: number): void {
    const delay = Math.min(2 ** 31 - 1, Math.max(0, at - this.deps.clock.now()));
    this.wakeTimer = setTimeout(() => this.wake(), delay);
    this.wakeTimer.unref?.();
  }

  private pauseFamily(family: QueueFamily, until: number): void {
    this.familyPausedUntil.set(family, Math.max(this.familyPausedUntil.get(family) ?? 0, until));
  }

  /** Spend of the jobs started in the last 10 minutes, and the jobs waiting on each limit (admin settings). */
  queueSummary(): { spendLast10MinMicros: number; waitingOnRateLimit: number; waitingOnSpendLimit: number; waiting: number } {
    const state = this.queueState();
    let rate = 0;
    let spend = 0;
    for (const job of this.waiting.values()) {
      const wait = waitStateOf(job, state);
      if (wait.reason === 'rateLimit') rate++;
      else if (wait.reason === 'spendLimit') spend++;
    }
    return {
      spendLast10MinMicros: spendInWindow(this.spendWindow, state.now),
      waitingOnRateLimit: rate,
      waitingOnSpendLimit: spend,
      waiting: this.waiting.size,
    };
  }

  /** Background work `idle` and `shutdown` wait for. */
  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.settled.delete(tracked));
    this.settled.add(tracked);
  }

  /** Cancels a job that has not finished; a queued one ends at once. Returns whether it was live. */
  cancel(jobId: string): boolean {
    this.forgetWaiting(jobId);
    const controller = this.running.get(jobId);
    if (controller) {
      controller.abort(new StudioError('CANCELLED', 'Cancelled.'));
      return true;
    }
    const row = this.deps.jobs.get(jobId);
    if (!row) return false;
    return this.finishWithError(row, new StudioError('CANCELLED', 'Cancelled.'));
  }

  /**
   * Stops pipelines whose job rows no longer exist (the account was deleted): nothing is written
   * back, and Google is asked to stop where it can.
   */
  abandon(jobIds: string[]): void {
    for (const jobId of jobIds) {
      this.forgetWaiting(jobId);
      this.running.get(jobId)?.abort(new AbandonSignal('abandoned'));
    }
  }

  private forgetWaiting(jobId: string): void {
    this.waiting.delete(jobId);
    this.announcedWait.delete(jobId);
  }

  /** Calls to Google holding a parallel-job slot right now (tests, diagnostics). */
  slotsInUse(): { total: number; video: number } {
    return this.slots.inUse();
  }

  /** Waits until every job's pipeline has settled (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.settled.size) await Promise.allSettled([...this.settled]);
  }

  /**
   * Stops every pipeline without deciding any outcome: each job keeps its persisted state, and the
   * next start resumes or interrupts it (docs/generation-and-jobs.md).
   */
  async shutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.wakeTimer);
    this.waiting.clear();
    this.stopped.abort(new ShutdownSignal('shutdown'));
    for (const controller of this.running.values()) controller.abort(new ShutdownSignal('shutdown'));
    await this.idle();
  }

  /** Start-up recovery (docs/generation-and-jobs.md): resume known operations, never resubmit an unknown outcome. */
  recover(): void {
    // Results Google delivered whose recording a busy database held up: finished from the kept
    // file, never called interrupted (and never sent again).
    const kept = new Set<string>();
    // what was sent in the last 10 minutes still counts against the spend limit after a restart
    const now = this.deps.clock.now();
    this.spendWindow = this.deps.jobs
      .submittedSince(now - SPEND_WINDOW_MS)
      .map((row) => ({ jobId: row.id, at: row.submittedAt!, micros: row.actualCostMicros ?? estimateOfJob(row) ?? 0 }))
      .sort((a, b) => a.at - b.at);
    // whose turn it is survives the restart too: each person's last start, in order
    const lastStarts = this.deps.jobs.lastStartByUser(now - ROUND_ROBIN_LOOKBACK_MS).sort((a, b) => a.at - b.at || (a.userId < b.userId ? -1 : 1));
    for (const { userId } of lastStarts) this.lastStartByUser.set(userId, ++this.starts);
    for (const pending of this.deps.pendingResults.list()) {
      kept.add(pending.jobId);
      this.track(
        this.finishKept(pending)
          .then(() => this.settleSpend(pending.jobId))
          .catch((error: unknown) => {
            if (error instanceof ShutdownSignal) return;
            this.deps.logger.error('a kept result could not be recorded; the next start tries again', { jobId: pending.jobId, error: String(error) });
          }),
      );
    }
    for (const row of this.deps.jobs.unfinished()) {
      if (kept.has(row.id)) {
        continue;
      } else if (row.submittedAt === null) {
        this.enqueue(row.id); // never sent: safe to run, in its turn
      } else if (row.kind === 'video' && row.operationName !== null) {
        this.enqueue(row.id); // Google knows the operation: poll it again, download again if needed
      } else {
        this.settleLater(row.id, () =>
          this.finishWithError(
            row,
            new StudioError(
              'INTERNAL',
              'The studio closed while Google was working on this, so the outcome is unknown. It was not resent, to avoid paying twice.',
            ),
            'interrupted',
          ),
        );
      }
    }
    // A crash between a reservation and its job, or between a job's end and its settlement.
    for (const jobId of this.deps.quota.openReservationJobIds()) {
      if (kept.has(jobId)) continue;
      const row = this.deps.jobs.get(jobId);
      if (row?.status === 'succeeded') this.settleLater(jobId, () => this.deps.quota.commit(jobId));
      else if (!row || isFinalJobStatus(row.status)) this.settleLater(jobId, () => this.deps.quota.release(jobId));
    }
    this.wake();
  }

  /**
   * A recovery write: done now when the database is free, retried in the background when another
   * process holds it, so a busy database never stops the app from starting.
   */
  private settleLater(jobId: string, step: () => unknown): void {
    this.track(
      this.persist(jobId, step, this.stopped.signal).then(
        () => undefined,
        (error: unknown) => {
          if (!(error instanceof ShutdownSignal))
            this.deps.logger.error('start-up recovery not recorded: the database stayed busy', { jobId, error: String(error) });
        },
      ),
    );
  }

  dto(row: JobRow): JobDto {
    return this.dtos([row])[0]!;
  }

  /** DTOs for a page of jobs, with their results' URLs, in one query. */
  dtos(rows: JobRow[]): JobDto[] {
    const results = this.deps.jobs.results(rows.map((r) => r.id));
    const state = this.waiting.size ? this.queueState() : null;
    return rows.map((row) => {
      const dto = this.deps.jobs.toDto(
        row,
        (results.get(row.id) ?? []).map((r) => ({ id: r.id, ...this.deps.mediaUrls(r.id, r.hasThumb) })),
        this.typicalDurationMs(row),
      );
      const waiting = state && row.status === 'queued' ? this.waiting.get(row.id) : undefined;
      return waiting ? withWait(dto, waitStateOf(waiting, state!)) : dto;
    });
  }

  typicalDurationMs(row: JobRow): number | null {
    return row.kind === 'video' ? (this.deps.videoProviders[row.provider as 'veo' | 'omni']?.typicalDurationMs ?? null) : null;
  }

  /** Runs one job's pipeline; 'wait' when Google's rate limit sent it back to the queue. */
  private async run(jobId: string, signal: AbortSignal, slot?: () => void): Promise<'wait' | undefined> {
    const row = this.deps.jobs.get(jobId);
    if (!row || !['queued', 'submitting', 'running', 'downloading', 'saving'].includes(row.status)) {
      slot?.();
      return;
    }
    try {
      if (row.kind === 'video') await this.runVideo(row, signal, slot);
      else await this.runImage(row, signal, slot);
    } catch (error) {
      if (error instanceof ShutdownSignal || signal.reason instanceof ShutdownSignal) return;
      if (error instanceof RateLimitRefusal && !signal.aborted) return this.backToWaiting(row, error);
      // Every call to Google is already mapped to a StudioError by its adapter; anything else is
      // ours (a disk full while saving, a bug) and must not be blamed on Google.
      const studioError =
        signal.aborted && signal.reason instanceof StudioError
          ? signal.reason
          : error instanceof StudioError
            ? error
            : (storageErrorOf(error) ?? new StudioError('INTERNAL', 'The result could not be saved on this computer. Try again.'));
      if (!(error instanceof StudioError)) this.deps.logger.error('job failed unexpectedly', { jobId, error: String(error) });
      try {
        await this.persist(jobId, () => this.finishWithError(this.deps.jobs.get(jobId) ?? row, studioError), this.stopped.signal);
      } catch (persistError) {
        if (persistError instanceof ShutdownSignal) return;
        // still busy after the bound: the job keeps its state, and the next start settles it
        this.deps.logger.error('job outcome not recorded: the database stayed busy', { jobId, error: String(persistError) });
      }
    }
  }

  private async runImage(row: JobRow, signal: AbortSignal, slot?: () => void): Promise<void> {
    const release = slot ?? (await this.slots.acquire(signal, 'image'));
    try {
      // the worker reads the files: a 20 MB input read and base64-encoded here would stall main's loop
      const inputs = row.inputIds.map((id) => this.deps.media.locateInputImage(row.userId, id));
      const params = row.params as { aspectRatio?: string; imageSize?: string };
      const apiKey = this.deps.apiKey();
      // submittedAt is written before the request leaves: from here on the outcome may be billed
      await this.move(row.id, 'running', { submittedAt: this.deps.clock.now() }, signal);
      // The call, the decode and the durable files happen in the generation worker (worker/workerHost.ts);
      // main gets back where the files are, and records them.
      const result = await this.deps.worker
        .generateImage(
          {
            jobId: row.id,
            apiKey,
            baseUrl: this.deps.geminiBaseUrl,
            model: row.model,
            prompt: row.prompt,
            images: inputs.map(({ mimeType, file }) => ({ mimeType, file })),
            aspectRatio: params.aspectRatio,
            imageSize: params.imageSize,
            timeoutMs: this.deps.timings.imageTimeoutMs,
            mediaId: randomUUID(),
            createdAt: this.deps.clock.now(),
          },
          signal,
        )
        .catch((error: unknown) => this.refusedByRateLimit(row, error));
      const responseId = result.responseId ?? null;
      if (signal.aborted) {
        this.discard(result.prepared);
        this.throwIfAborted(signal);
      }
      // The worker saved the file while the job was `running`, so it goes straight to `succeeded`:
      // a `saving` step here would last a few ms and cost main one more commit and event per job.
      await this.finalize(row, result.prepared, responseId, { responseId }, result.usage);
    } finally {
      release();
    }
  }

  private async runVideo(row: JobRow, signal: AbortSignal, slot?: () => void): Promise<void> {
    const provider = this.deps.videoProviders[row.provider as 'veo' | 'omni'];
    if (!provider) {
      slot?.();
      throw new StudioError('INTERNAL', `No video provider for ${row.provider}.`);
    }
    let operation = row.operationName;
    if (!operation) {
      // the submit ends by its deadline (interrupted), so the slot is never held longer than that
      const release = slot ?? (await this.slots.acquire(signal, 'video'));
      try {
        operation = await this.video.submit(row, provider, signal).catch((error: unknown) => this.refusedByRateLimit(row, error));
      } finally {
        release();
      }
    } else {
      slot?.();
    }
    let output: VideoOutput;
    try {
      output = await this.video.waitFor(row, provider, operation, signal);
    } catch (error) {
      // A person's cancel (or the account's deletion) also tells Google to stop where the API allows
      // it (Omni), so nothing keeps generating — and billing — for a result nobody will see. A
      // shutdown does not: the job resumes at the next start.
      if ((signal.reason instanceof StudioError && signal.reason.code === 'CANCELLED') || signal.reason instanceof AbandonSignal) {
        await provider
          .cancel(operation)
          .catch((cancelError: unknown) => this.deps.logger.warn('could not cancel on Google’s side', { jobId: row.id, error: String(cancelError) }));
      }
      throw error;
    }
    this.finishedByGoogle.set(row.id, { usage: output.usage });
    const release = await this.slots.acquire(signal, 'video');
    try {
      this.note(row.id, 'downloading');
      const file = await this.video.fetch(output, signal);
      this.note(row.id, 'saving');
      let prepared: MediaFileFacts;
      try {
        prepared = await this.deps.media.prepareVideo(file.path, file.mimeType);
      } finally {
        fs.rmSync(file.path, { force: true });
      }
      await this.finalize(row, prepared, output.continuationRef ?? operation, {}, output.usage);
    } finally {
      release();
    }
  }

  /**
   * The one place a job succeeds: media row, job state and quota charge in one transaction, and only
   * if the job has not ended some other way meanwhile (a cancel that won the race).
   *
   * The result is paid for and durable as a file before this runs, so a busy database (another
   * process holding the write lock) must not lose it: a note on disk names the file first, the
   * transaction is retried on timers for `busyRetryMs`, and if the lock outlasts that (or the app
   * closes meanwhile) the job keeps its state and the next start finishes it from the file.
   */
  private async finalize(
    row: JobRow,
    prepared: MediaFileFacts,
    providerRef: string | null,
    fields: PendingResult['fields'] = {},
    usage?: PendingResult['usage'],
  ): Promise<void> {
    const pending: PendingResult = { jobId: row.id, prepared, providerRef, fields, usage };
    try {
      await this.deps.pendingResults.save(pending);
    } catch (error) {
      this.discard(prepared);
      throw error;
    }
    let recorded: boolean;
    try {
      recorded = await this.persist(row.id, () => this.record(row, pending), this.stopped.signal);
    } catch (error) {
      if (error instanceof ShutdownSignal) throw error;
      if (isBusyError(error)) {
        this.deps.logger.error('result kept on disk: the database stayed busy; the next start records it', { jobId: row.id, mediaId: prepared.id });
        throw new ShutdownSignal('kept for the next start');
      }
      this.forget(pending);
      throw error;
    }
    this.removeNote(row.id);
    if (!recorded) {
      this.discard(prepared);
      return;
    }
    this.deps.media.announce(row.userId, [prepared.id]);
    this.emit(row.id);
    // an image's thumbnail is still being made (worker/imageTask.ts): `idle()` waits for it too
    if (prepared.kind === 'image') this.track(this.deps.worker.thumbnailSettled(prepared.id));
  }

  /** The finishing transaction of `finalize`: whether the job succeeded now (false: it had ended). */
  private record(row: JobRow, pending: PendingResult): boolean {
    const record: GeneratedMediaRecord = {
      userId: row.userId,
      jobId: row.id,
      prompt: row.prompt,
      negativePrompt: row.negativePrompt,
      model: row.model,
      params: row.params,
      inputIds: row.inputIds,
      parentMediaId: row.parentMediaId,
      workstation: { hostName: row.workstationHost, osUser: row.workstationUser, ipv4: row.workstationIp },
      providerRef: pending.providerRef,
    };
    return withWriteTx(this.deps.db, () => {
      if (!this.deps.jobs.transition(row.id, 'succeeded', pending.fields)) return false;
      this.deps.media.insert(pending.prepared, record);
      this.deps.quota.commit(row.id, pending.usage); // units, and the actual cost from Google's usage (jobs/jobCost.ts)
      return true;
    });
  }

  /**
   * Start-up: a kept result is recorded if its job is still open; a job that ended meanwhile (or
   * whose account is gone) does not get it, and its file goes.
   */
  private async finishKept(pending: PendingResult): Promise<void> {
    const outcome = await this.persist(
      pending.jobId,
      (): 'recorded' | 'already' | 'unwanted' => {
        const row = this.deps.jobs.get(pending.jobId);
        if (!row) return 'unwanted';
        // a crash between the commit and the note's removal: the result is in already
        if (
          this.deps.jobs
            .results([row.id])
            .get(row.id)
            ?.some((r) => r.id === pending.prepared.id)
        )
          return 'already';
        return this.record(row, pending) ? 'recorded' : 'unwanted';
      },
      this.stopped.signal,
    );
    if (outcome === 'unwanted') this.discard(pending.prepared);
    this.removeNote(pending.jobId);
    const row = this.deps.jobs.get(pending.jobId);
    if (outcome === 'recorded' && row) {
      this.deps.media.announce(row.userId, [pending.prepared.id]);
      this.emit(row.id);
    }
  }

  private removeNote(jobId: string): void {
    this.track(
      this.deps.pendingResults
        .remove(jobId)
        .catch((error: unknown) =>
          this.deps.logger.warn('pending-result note not removed; the next start clears it', { jobId, error: String(error) }),
        ),
    );
  }

  /**
   * Removes a result that will not be recorded, once the worker no longer writes its thumbnail
   * (worker/workerHost.ts): removing it earlier would leave the thumbnail behind.
   */
  private discard(prepared: MediaFileFacts): void {
    void this.deps.worker.thumbnailSettled(prepared.id).then(() => this.deps.media.discard(prepared));
  }

  private forget(pending: PendingResult): void {
    this.discard(pending.prepared);
    this.removeNote(pending.jobId);
  }

  /**
   * A create/submit Google refused with 429 (not billed): decided here, before the slot is released,
   * so the job's family is held back before any other job of it can take the slot. Anything else
   * passes through unchanged.
   */
  private refusedByRateLimit(row: JobRow, error: unknown): never {
    if (!(error instanceof StudioError) || error.code !== 'RATE_LIMITED' || error instanceof InterruptedSubmit) throw error;
    const now = this.deps.clock.now();
    const since = this.deps.jobs.get(row.id)?.rateLimitedSince ?? now;
    const retryAfterSeconds = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const next = afterRateLimit({
      now,
      since,
      retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
      maxWaitMs: this.limits().rateLimitMaxWaitMs,
    });
    // Google did not bill it: it does not count against the spend window
    this.spendWindow = this.spendWindow.filter((s) => s.jobId !== row.id);
    if (next.giveUp) throw new RateLimitRefusal(error, since, null);
    this.pauseFamily(queueFamilyOf(row), next.notBefore);
    throw new RateLimitRefusal(error, since, next.notBefore);
  }

  /**
   * Back to `queued`, never sent as far as recovery is concerned (Google refused it), until
   * `notBefore`; or, past the admin's bound, failed with its unit released.
   */
  private async backToWaiting(row: JobRow, refusal: RateLimitRefusal): Promise<'wait' | undefined> {
    const minutes = Math.round(this.limits().rateLimitMaxWaitMs / 60_000);
    try {
      if (refusal.notBefore === null) {
        const message = `Google's rate limit did not lift within ${minutes} minute${minutes === 1 ? '' : 's'}, so the studio stopped waiting. Nothing was charged; your unit was given back.`;
        await this.persist(row.id, () => this.finishWithError(row, new StudioError('RATE_LIMITED', message)), this.stopped.signal);
        return;
      }
      const fields = { submittedAt: null, notBefore: refusal.notBefore, rateLimitedSince: refusal.since };
      const moved = await this.persist(row.id, () => this.deps.jobs.transition(row.id, 'queued', fields), this.stopped.signal);
      if (moved) this.deps.logger.info('job waits for Google’s rate limit', { jobId: row.id, model: row.model, notBefore: refusal.notBefore });
      return moved ? 'wait' : undefined;
    } catch (error) {
      if (!(error instanceof ShutdownSignal))
        this.deps.logger.error('job state not recorded: the database stayed busy', { jobId: row.id, error: String(error) });
      return;
    }
  }

  /** Ends a job with an error and gives its quota back, once. Returns whether it changed state. */
  private finishWithError(row: JobRow, error: StudioError, forced?: JobStatus): boolean {
    const status: JobStatus =
      forced ??
      (error instanceof InterruptedSubmit
        ? 'interrupted'
        : error.code === 'CONTENT_BLOCKED'
          ? 'blocked'
          : error.code === 'CANCELLED'
            ? 'cancelled'
            : 'failed');
    const changed = withWriteTx(this.deps.db, () => {
      const moved = this.deps.jobs.transition(row.id, status, { errorCode: error.code, errorMessage: error.message });
      if (moved) this.deps.quota.release(row.id, this.finishedByGoogle.get(row.id));
      return moved;
    });
    if (changed) {
      // one line per failed job, with what an admin needs to match it to the person's report
      const level = status === 'cancelled' ? 'info' : 'warn';
      this.deps.logger[level]('job ended without a result', { jobId: row.id, kind: row.kind, model: row.model, status, code: error.code });
      this.emit(row.id);
    }
    return changed;
  }

  /**
   * Records a step the rest of the pipeline depends on (sent, Google's operation), waiting out a
   * busy database for `busyRetryMs` (until the job's cancel or shutdown).
   */
  private async move(jobId: string, status: JobStatus, fields: Parameters<JobRepository['transition']>[2] = {}, signal?: AbortSignal): Promise<void> {
    if (!(await this.persist(jobId, () => this.deps.jobs.transition(jobId, status, fields), signal ?? this.stopped.signal))) {
      // ended elsewhere (cancelled while a step ran): stop this pipeline quietly
      throw new StudioError('CANCELLED', 'Cancelled.');
    }
    this.emit(jobId);
  }

  /**
   * Records a step that only tells the person where the job is (downloading, saving). A busy
   * database skips it: `finalize` moves the job on from any open state, and waiting here would
   * only delay saving a result that is already paid for.
   */
  private note(jobId: string, status: JobStatus, fields: Parameters<JobRepository['transition']>[2] = {}): void {
    let moved: boolean;
    try {
      moved = withoutBusyWait(this.deps.db, () => this.deps.jobs.transition(jobId, status, fields));
    } catch (error) {
      if (!isBusyError(error)) throw error;
      this.deps.logger.warn('job step not recorded: the database is busy', { jobId, status });
      return;
    }
    // ended elsewhere (cancelled while a step ran): stop this pipeline quietly
    if (!moved) throw new StudioError('CANCELLED', 'Cancelled.');
    this.emit(jobId);
  }

  /**
   * A job's own write, retried on timers while another process holds the database. No attempt
   * waits for the lock: the waiting happens between attempts, where main serves requests.
   */
  private persist<T>(jobId: string, step: () => T, signal: AbortSignal): Promise<T> {
    return retryWhileBusy(() => withoutBusyWait(this.deps.db, step), {
      boundMs: this.deps.timings.busyRetryMs,
      signal,
      onBusy: (attempt) => {
        if (attempt === 1) this.deps.logger.warn('database busy; the job retries its write', { jobId });
      },
    });
  }

  private emit(jobId: string): void {
    const row = this.deps.jobs.get(jobId);
    if (row) this.deps.events.toUser(row.userId, 'job.updated', this.dto(row));
  }

  private throwIfAborted(signal: AbortSignal): void {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new StudioError('CANCELLED', 'Cancelled.');
  }
}

/** A waiting job's DTO says what it waits for and until when (the tile's countdown). */
function withWait(dto: JobDto, wait: WaitState): JobDto {
  if (wait.reason === 'slot') return { ...dto, retryAt: null, waitingFor: null };
  return { ...dto, retryAt: wait.until, waitingFor: wait.reason };
}
