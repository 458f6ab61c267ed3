import fs from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { StudioError } from '../../../../shared/contract/errors';
import type { Logger } from '../../../logger';
import { withDeadline } from '../../gemini/callBudget';
import { absoluteOf, originalRelPath } from '../../media/layout';
import { InterruptedSubmit } from '../videoSteps';
import type { FromWorker, ImageTask, ImageTaskResult, ToWorker } from './protocol';

/**
 * Time the worker gets beyond the SDK call's own budget to decode, write and fsync the result.
 * Past it main stops waiting: a worker that does not answer must not hold a job (or a slot) forever.
 */
const SAVE_GRACE_MS = 60_000;
/** After main stopped waiting for a task (cancel, timeout), how long the worker has to acknowledge it. */
const ABORT_GRACE_MS = 15_000;
/** At shutdown, how long thumbnails still being made may take before the worker is stopped (the next start rebuilds the rest). */
const THUMBNAIL_CLOSE_GRACE_MS = 3_000;
/** Past this, a thumbnail is given up on (a stuck worker): the original stands in until the next start's sweep makes it. */
const THUMBNAIL_GRACE_MS = 20_000;

/** The worker stopped (crashed, was killed, stopped answering) while a job was in it: the outcome is unknown. */
export class WorkerLost extends InterruptedSubmit {
  constructor() {
    super(new StudioError('INTERNAL', 'The studio’s image worker stopped while Google was working on this, so the outcome is unknown.'));
    this.message =
      'The studio’s image worker stopped while Google was working on this, so the outcome is unknown. It was not sent again (that could bill twice). Your unit was given back; start it again if you still want the image.';
  }
}

interface Pending {
  task: ImageTask;
  worker: Worker;
  answer: (outcome: TaskOutcome | 'lost') => void;
  /** main stopped waiting (cancel, timeout): a late result's files are removed, not kept */
  abandoned: boolean;
  graceTimer?: ReturnType<typeof setTimeout>;
}

/** How a task ended in the worker (its thumbnail reports separately). */
type TaskOutcome = Exclude<FromWorker, { type: 'thumbnail' }>;

/** A result main has, whose thumbnail the worker is still making. */
interface PendingThumbnail {
  task: ImageTask;
  worker: Worker;
  settled: Promise<void>;
  settle: () => void;
}

export interface GenerationWorkerOptions {
  logger: Logger;
  /** the data folder the worker writes media into */
  dataDir: string;
  /** test seam: every task's worker exits when its write reaches this step */
  exitAtWriteStep?: ImageTask['exitAtWriteStep'];
  /** beyond the SDK call's budget, how long main waits for the save (default 60 s; tests shorten it) */
  saveGraceMs?: number;
  /** how long the worker has to acknowledge an abort before it is replaced (default 15 s; tests shorten it) */
  abortGraceMs?: number;
}

/**
 * Main's side of the generation worker (docs/generation-and-jobs.md, "The generation worker"): one
 * Node worker thread, started on first use and again after it dies, that runs the image jobs' heavy
 * part (the SDK call, parsing and decoding the answer, the thumbnail, the durable writes) so main's
 * event loop keeps serving every window. Main keeps the database, the quota ledger and job state.
 *
 * - A cancel or a deadline on main aborts the task in the worker (a message) and main stops waiting
 *   at once; a result that still arrives has its files removed.
 * - A worker that dies or stops answering fails its tasks with `WorkerLost` (the job ends
 *   interrupted: never resent), and the files they may have half-written are removed.
 */
export class GenerationWorker {
  private worker: Worker | null = null;
  private readonly tasks = new Map<string, Pending>();
  /** by media id */
  private readonly thumbnails = new Map<string, PendingThumbnail>();
  private closed = false;

  constructor(private readonly options: GenerationWorkerOptions) {}

  /** Runs one image job's call and save in the worker; resolves with where the durable files are. */
  async generateImage(task: Omit<ImageTask, 'exitAtWriteStep' | 'dataDir'>, signal: AbortSignal): Promise<ImageTaskResult> {
    if (this.closed) throw new StudioError('CANCELLED', 'Cancelled.');
    if (signal.aborted) throw new StudioError('CANCELLED', 'Cancelled.');
    const full: ImageTask = {
      ...task,
      dataDir: this.options.dataDir,
      ...(this.options.exitAtWriteStep ? { exitAtWriteStep: this.options.exitAtWriteStep } : {}),
    };
    const worker = this.ensureWorker();
    const answered = new Promise<TaskOutcome | 'lost'>((answer) => this.tasks.set(task.jobId, { task: full, worker, answer, abandoned: false }));
    worker.ref();
    this.send(worker, { type: 'image', task: full });
    // The worker enforces the SDK call's own deadline (and maps it to Google's TIMEOUT); this one is
    // main's backstop for a worker that stopped answering altogether.
    return withDeadline(
      signal,
      { timeoutMs: task.timeoutMs + (this.options.saveGraceMs ?? SAVE_GRACE_MS), onTimeout: () => new WorkerLost() },
      async (deadline) => {
        deadline.signal.addEventListener('abort', () => this.abandon(task.jobId), { once: true });
        const outcome = await answered;
        if (outcome === 'lost') throw new WorkerLost();
        if (outcome.type === 'failed') {
          if (outcome.unexpected) this.options.logger.error('job failed unexpectedly', { jobId: task.jobId, error: outcome.unexpected });
          throw new StudioError(outcome.error.code, outcome.error.message, outcome.error.details);
        }
        return outcome.result;
      },
    );
  }

  /**
   * Test seam: the worker exits (`process.exit`), throws an uncaught error, or stops answering (its
   * thread spins forever) at once, whatever it is doing.
   */
  crashForTest(how: 'exit' | 'throw' | 'hang' = 'exit'): void {
    if (this.worker) this.send(this.worker, { type: 'crash', how });
  }

  /**
   * Resolves once the worker is done with `mediaId`'s thumbnail (made, failed, or the worker gone):
   * a result main does not keep is removed only after that, so no thumbnail is written after it.
   */
  thumbnailSettled(mediaId: string): Promise<void> {
    return this.thumbnails.get(mediaId)?.settled ?? Promise.resolve();
  }

  /** Jobs in the worker now (tests, diagnostics). */
  inFlight(): number {
    return this.tasks.size;
  }

  /** Stops the worker (app shutdown, after the job runner's): unfinished tasks' files are removed. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      // thumbnails nearly done are let finish; the start-up sweep rebuilds any cut short
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all([...this.thumbnails.values()].map((t) => t.settled)),
        new Promise((resolve) => (timer = setTimeout(resolve, THUMBNAIL_CLOSE_GRACE_MS))),
      ]);
      clearTimeout(timer);
      await worker.terminate();
      await this.lose(worker);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (message: FromWorker) => this.receive(message));
    // an uncaught error in the worker: 'exit' follows, which settles its tasks
    worker.on('error', (error) => this.options.logger.error('generation worker failed', { error: String(error) }));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      if (!this.closed) this.options.logger.warn('generation worker stopped; the next job starts a new one', { code });
      void this.lose(worker);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private send(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  private receive(message: FromWorker): void {
    if (message.type === 'thumbnail') {
      const thumbnail = this.thumbnails.get(message.mediaId);
      if (message.error) {
        // the result is recorded; its original is served in the thumbnail's place, and the next start tries again
        this.options.logger.error('thumbnail not made', { jobId: message.jobId, mediaId: message.mediaId, error: message.error });
      }
      if (thumbnail) this.settleThumbnail(message.mediaId, thumbnail);
      return;
    }
    const pending = this.tasks.get(message.jobId);
    if (!pending) return;
    if (message.type === 'done') this.expectThumbnail(message.result.prepared.id, pending);
    this.forget(message.jobId, pending);
    if (pending.abandoned) {
      // nobody will record it: a late result's files go, once its thumbnail is no longer being written
      if (message.type === 'done') void this.thumbnailSettled(message.result.prepared.id).then(() => removeFiles(pending.task));
      return;
    }
    pending.answer(message);
  }

  private expectThumbnail(mediaId: string, pending: Pending): void {
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const thumbnail: PendingThumbnail = { task: pending.task, worker: pending.worker, settled, settle };
    this.thumbnails.set(mediaId, thumbnail);
    const timer = setTimeout(() => {
      if (this.thumbnails.get(mediaId) !== thumbnail) return;
      this.options.logger.error('thumbnail not made in time', { jobId: pending.task.jobId, mediaId });
      this.settleThumbnail(mediaId, thumbnail);
    }, THUMBNAIL_GRACE_MS);
    timer.unref();
    void settled.then(() => clearTimeout(timer));
  }

  private settleThumbnail(mediaId: string, thumbnail: PendingThumbnail): void {
    this.thumbnails.delete(mediaId);
    thumbnail.settle();
    this.unrefIfIdle(thumbnail.worker);
  }

  /** Main stopped waiting for a task: tell the worker, and give it a while to acknowledge. */
  private abandon(jobId: string): void {
    const pending = this.tasks.get(jobId);
    if (!pending || pending.abandoned) return;
    pending.abandoned = true;
    this.send(pending.worker, { type: 'abort', jobId });
    pending.graceTimer = setTimeout(() => {
      if (this.tasks.get(jobId) !== pending) return;
      this.options.logger.error('generation worker did not answer an abort; starting a new one', { jobId });
      if (this.worker === pending.worker) this.worker = null;
      void pending.worker.terminate();
    }, this.options.abortGraceMs ?? ABORT_GRACE_MS);
    pending.graceTimer.unref();
  }

  /** A worker is gone: each of its tasks' files are removed, then the task fails as lost. */
  private async lose(worker: Worker): Promise<void> {
    // a thumbnail cut short: its temp file goes; the recorded result keeps its original, and the
    // next start's sweep makes the thumbnail
    const cutShort = [...this.thumbnails.entries()].filter(([, thumbnail]) => thumbnail.worker === worker);
    await Promise.all(
      cutShort.map(async ([mediaId, thumbnail]) => {
        await removeFiles(thumbnail.task, { tempOnly: true });
        this.settleThumbnail(mediaId, thumbnail);
      }),
    );
    const lost = [...this.tasks.entries()].filter(([, pending]) => pending.worker === worker);
    for (const [jobId, pending] of lost) this.forget(jobId, pending);
    await Promise.all(
      lost.map(async ([, pending]) => {
        await removeFiles(pending.task);
        pending.answer('lost');
      }),
    );
  }

  private forget(jobId: string, pending: Pending): void {
    clearTimeout(pending.graceTimer);
    this.tasks.delete(jobId);
    this.unrefIfIdle(pending.worker);
  }

  /** An idle worker does not keep the process alive. */
  private unrefIfIdle(worker: Worker): void {
    const busy = [...this.tasks.values(), ...this.thumbnails.values()].some((p) => p.worker === worker);
    if (!busy) worker.unref();
  }
}

/**
 * Every file a task may have made, finished or half-written (or with `tempOnly`, the half-written
 * ones): the original and thumbnail are named by the media id main chose, their temp files by that
 * name (media/layout.ts).
 */
async function removeFiles(task: ImageTask, { tempOnly = false } = {}): Promise<void> {
  const dir = path.dirname(absoluteOf(task.dataDir, originalRelPath(task.mediaId, 'png', task.createdAt)));
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  const mine = names.filter((name) => (!tempOnly && name.startsWith(`${task.mediaId}.`)) || name.startsWith(`.${task.mediaId}.`));
  await Promise.all(mine.map((name) => fs.rm(path.join(dir, name), { force: true }).catch(() => {})));
}

/**
 * The worker from the built app (electron-vite emits it beside the main bundle as
 * generationWorker.js), or from source through tsx where main itself runs from source (the harness,
 * the benchmarks, Vitest). See docs/decisions/0023-worker-thread.md.
 */
function startWorker(): Worker {
  const options = { env: workerEnv(), name: 'generation' };
  if (!__filename.endsWith('.ts')) return new Worker(path.join(__dirname, 'generationWorker.js'), options);
  const source = path.join(__dirname, 'generationWorker.ts');
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/** The worker needs no secret from the environment: the key comes with each task. */
function workerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/KEY|SECRET|PASSWORD|TOKEN|CODE/i.test(name)));
}
