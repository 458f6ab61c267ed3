import fs from 'node:fs';
import type { GoogleGenAI } from '@google/genai';
import { StudioError } from '../../../shared/contract/errors';
import type { JobDto } from '../../../shared/contract/routes/generation';
import { isFinalJobStatus, type JobStatus } from '../../../shared/domain/jobs';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import type { Logger } from '../../logger';
import type { EventHub } from '../app/eventHub';
import { generateImage } from '../gemini/imageProvider';
import type { VideoOutput, VideoProvider } from '../gemini/videoProvider';
import { type JobRepository, type JobRow, parseIdList } from './jobRepository';
import type { GeneratedMediaRecord, MediaPort, PreparedMedia, QuotaPort } from './ports';
import { Slots } from './slots';
import { InterruptedSubmit, VideoSteps } from './videoSteps';

export interface JobTimings {
  /** budget of one image request (GEMINI-API.md §9: the SDK has none) */
  imageTimeoutMs: number;
  pollIntervalMs: number;
  /** give up on a video that has not finished by then */
  maxVideoWaitMs: number;
  downloadTimeoutMs: number;
  maxVideoBytes: number;
}

export const DEFAULT_JOB_TIMINGS: JobTimings = {
  imageTimeoutMs: 180_000,
  pollIntervalMs: 10_000,
  maxVideoWaitMs: 20 * 60_000,
  downloadTimeoutMs: 10 * 60_000,
  maxVideoBytes: 1024 * 1024 * 1024,
};

export interface JobRunnerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: JobRepository;
  quota: QuotaPort;
  media: MediaPort;
  events: EventHub;
  genai: () => GoogleGenAI;
  apiKey: () => string;
  geminiBaseUrl?: string;
  videoProviders: Record<'veo' | 'omni', VideoProvider>;
  maxParallel: () => number;
  timings: JobTimings;
  /** the transport's URLs for a media item */
  mediaUrls: (mediaId: string, hasThumb: boolean) => { url: string; thumbUrl: string | null };
}

/** Thrown through a pipeline when the app is shutting down: the job keeps its state for recovery. */
class ShutdownSignal extends Error {}

/** The job's account was deleted: nothing is written back, and Google is told to stop. */
class AbandonSignal extends ShutdownSignal {}


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
  private readonly settled = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly deps: JobRunnerDeps) {
    this.slots = new Slots(deps.maxParallel);
    this.video = new VideoSteps(deps, (jobId, status, fields) => this.move(jobId, status, fields));
  }

  /** Starts (or resumes) a job in the background. */
  start(jobId: string): void {
    if (this.stopping || this.running.has(jobId)) return;
    const controller = new AbortController();
    this.running.set(jobId, controller);
    const run = this.run(jobId, controller.signal)
      .catch((error: unknown) => this.deps.logger.error('job runner crashed', { jobId, error: String(error) }))
      .finally(() => {
        this.running.delete(jobId);
        this.settled.delete(run);
      });
    this.settled.add(run);
  }

  /** Cancels a job that has not finished; a queued one ends at once. Returns whether it was live. */
  cancel(jobId: string): boolean {
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
    for (const jobId of jobIds) this.running.get(jobId)?.abort(new AbandonSignal('abandoned'));
  }

  /** Waits until every job's pipeline has settled (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.settled.size) await Promise.allSettled([...this.settled]);
  }

  /**
   * Stops every pipeline without deciding any outcome: each job keeps its persisted state, and the
   * next start resumes or interrupts it (SPEC §5).
   */
  async shutdown(): Promise<void> {
    this.stopping = true;
    for (const controller of this.running.values()) controller.abort(new ShutdownSignal('shutdown'));
    await this.idle();
  }

  /** Start-up recovery (SPEC §5): resume known operations, never resubmit an unknown outcome. */
  recover(): void {
    for (const row of this.deps.jobs.unfinished()) {
      if (row.submittedAt === null) {
        this.start(row.id); // never sent: safe to run
      } else if (row.kind === 'video' && row.operationName !== null) {
        this.start(row.id); // Google knows the operation: poll it again, download again if needed
      } else {
        this.finishWithError(
          row,
          new StudioError(
            'INTERNAL',
            'The studio closed while Google was working on this, so the outcome is unknown. It was not resent, to avoid paying twice.',
          ),
          'interrupted',
        );
      }
    }
    // A crash between a reservation and its job, or between a job's end and its settlement.
    for (const jobId of this.deps.quota.openReservationJobIds()) {
      const row = this.deps.jobs.get(jobId);
      if (row?.status === 'succeeded') this.deps.quota.commit(jobId);
      else if (!row || isFinalJobStatus(row.status)) this.deps.quota.release(jobId);
    }
  }

  dto(row: JobRow): JobDto {
    return this.dtos([row])[0]!;
  }

  /** DTOs for a page of jobs, with their results' URLs, in one query. */
  dtos(rows: JobRow[]): JobDto[] {
    const results = this.deps.jobs.results(rows.map((r) => r.id));
    return rows.map((row) =>
      this.deps.jobs.toDto(
        row,
        (results.get(row.id) ?? []).map((r) => ({ id: r.id, ...this.deps.mediaUrls(r.id, r.hasThumb) })),
        this.typicalDurationMs(row),
      ),
    );
  }

  typicalDurationMs(row: JobRow): number | null {
    return row.kind === 'video' ? (this.deps.videoProviders[row.provider as 'veo' | 'omni']?.typicalDurationMs ?? null) : null;
  }

  private async run(jobId: string, signal: AbortSignal): Promise<void> {
    const row = this.deps.jobs.get(jobId);
    if (!row || !['queued', 'submitting', 'running', 'downloading', 'saving'].includes(row.status)) return;
    try {
      if (row.kind === 'video') await this.runVideo(row, signal);
      else await this.runImage(row, signal);
    } catch (error) {
      if (error instanceof ShutdownSignal || signal.reason instanceof ShutdownSignal) return;
      // Every call to Google is already mapped to a StudioError by its adapter; anything else is
      // ours (a disk full while saving, a bug) and must not be blamed on Google.
      const studioError =
        signal.aborted && signal.reason instanceof StudioError
          ? signal.reason
          : error instanceof StudioError
            ? error
            : new StudioError('INTERNAL', 'The result could not be saved on this computer. Try again.');
      if (!(error instanceof StudioError)) this.deps.logger.error('job failed unexpectedly', { jobId, error: String(error) });
      this.finishWithError(this.deps.jobs.get(jobId) ?? row, studioError);
    }
  }

  private async runImage(row: JobRow, signal: AbortSignal): Promise<void> {
    await this.slots.acquire(signal);
    try {
      const inputs = parseIdList(row.inputIds).map((id) => this.deps.media.readInputImage(row.userId, id));
      const params = JSON.parse(row.params) as { aspectRatio?: string; imageSize?: string };
      const ai = this.deps.genai();
      // submittedAt is written before the request leaves: from here on the outcome may be billed
      this.move(row.id, 'running', { submittedAt: this.deps.clock.now() });
      const result = await generateImage(ai, {
        model: row.model,
        prompt: row.prompt,
        images: inputs.map(({ mimeType, data }) => ({ mimeType, data })),
        aspectRatio: params.aspectRatio,
        imageSize: params.imageSize,
        signal,
        timeoutMs: this.deps.timings.imageTimeoutMs,
      });
      this.throwIfAborted(signal);
      this.move(row.id, 'saving', { responseId: result.responseId ?? null });
      const prepared = await this.deps.media.prepareImage(result.image.bytes, result.image.mimeType);
      this.finalize(row, prepared, result.responseId ?? null);
    } finally {
      this.slots.release();
    }
  }

  private async runVideo(row: JobRow, signal: AbortSignal): Promise<void> {
    const provider = this.deps.videoProviders[row.provider as 'veo' | 'omni'];
    if (!provider) throw new StudioError('INTERNAL', `No video provider for ${row.provider}.`);
    let operation = row.operationName;
    if (!operation) {
      await this.slots.acquire(signal);
      try {
        operation = await this.video.submit(row, provider, signal);
      } finally {
        this.slots.release();
      }
    }
    let output: VideoOutput;
    try {
      output = await this.video.waitFor(row, provider, operation, signal);
    } catch (error) {
      // A person's cancel (or the account's deletion) also tells Google to stop where the API allows
      // it (Omni), so nothing keeps generating — and billing — for a result nobody will see. A
      // shutdown does not: the job resumes at the next start.
      if ((signal.reason instanceof StudioError && signal.reason.code === 'CANCELLED') || signal.reason instanceof AbandonSignal) {
        await provider.cancel(operation).catch((cancelError: unknown) =>
          this.deps.logger.warn('could not cancel on Google’s side', { jobId: row.id, error: String(cancelError) }),
        );
      }
      throw error;
    }
    await this.slots.acquire(signal);
    try {
      this.move(row.id, 'downloading');
      const file = await this.video.fetch(output, signal);
      this.move(row.id, 'saving');
      let prepared: PreparedMedia;
      try {
        prepared = await this.deps.media.prepareVideo(file.path, file.mimeType);
      } finally {
        fs.rmSync(file.path, { force: true });
      }
      this.finalize(row, prepared, output.continuationRef ?? operation);
    } finally {
      this.slots.release();
    }
  }

  /**
   * The one place a job succeeds: media row, job state and quota charge in one transaction, and only
   * if the job has not ended some other way meanwhile (a cancel that won the race).
   */
  private finalize(row: JobRow, prepared: PreparedMedia, providerRef: string | null): void {
    const params = JSON.parse(row.params) as Record<string, unknown>;
    const record: GeneratedMediaRecord = {
      userId: row.userId,
      jobId: row.id,
      prompt: row.prompt,
      negativePrompt: row.negativePrompt,
      model: row.model,
      params,
      inputIds: parseIdList(row.inputIds),
      parentMediaId: row.parentMediaId,
      workstation: { hostName: row.workstationHost, osUser: row.workstationUser, ipv4: row.workstationIp },
      providerRef,
    };
    let recorded: boolean;
    try {
      recorded = this.deps.db.transaction(
        () => {
          if (!this.deps.jobs.transition(row.id, 'succeeded')) return false;
          this.deps.media.insert(prepared, record);
          this.deps.quota.commit(row.id);
          return true;
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      this.deps.media.discard(prepared);
      throw error;
    }
    if (!recorded) {
      this.deps.media.discard(prepared);
      return;
    }
    this.deps.media.announce(row.userId, [prepared.id]);
    this.emit(row.id);
  }

  /** Ends a job with an error and gives its quota back, once. Returns whether it changed state. */
  private finishWithError(row: JobRow, error: StudioError, forced?: JobStatus): boolean {
    const status: JobStatus =
      forced ?? (error instanceof InterruptedSubmit ? 'interrupted' : error.code === 'CONTENT_BLOCKED' ? 'blocked' : error.code === 'CANCELLED' ? 'cancelled' : 'failed');
    const changed = this.deps.db.transaction(
      () => {
        const moved = this.deps.jobs.transition(row.id, status, { errorCode: error.code, errorMessage: error.message });
        if (moved) this.deps.quota.release(row.id);
        return moved;
      },
      { behavior: 'immediate' },
    );
    if (changed) this.emit(row.id);
    return changed;
  }

  private move(jobId: string, status: JobStatus, fields: Parameters<JobRepository['transition']>[2] = {}): void {
    if (!this.deps.jobs.transition(jobId, status, fields)) {
      // ended elsewhere (cancelled while a step ran): stop this pipeline quietly
      throw new StudioError('CANCELLED', 'Cancelled.');
    }
    this.emit(jobId);
  }

  private emit(jobId: string): void {
    const row = this.deps.jobs.get(jobId);
    if (row) this.deps.events.toUser(row.userId, 'job.updated', this.dto(row));
  }

  private throwIfAborted(signal: AbortSignal): void {
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new StudioError('CANCELLED', 'Cancelled.');
  }
}
