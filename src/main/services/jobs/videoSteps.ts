import { StudioError } from '../../../shared/contract/errors';
import type { JobStatus } from '../../../shared/domain/jobs';
import { downloadToTempFile, writeInlineToTempFile } from '../gemini/download';
import { toStudioError } from '../gemini/errors';
import type { VideoOutput, VideoProvider } from '../gemini/videoProvider';
import type { JobRepository, JobRow } from './jobRepository';
import type { VideoStepsDeps } from './ports';
import { sleep } from './slots';

/** Errors worth polling again for: the operation is still there, the way to it was not. */
const TRANSIENT_POLL_CODES = new Set(['NETWORK_ERROR', 'TIMEOUT', 'RATE_LIMITED']);
const MAX_TRANSIENT_POLL_FAILURES = 6;

type Move = (jobId: string, status: JobStatus, fields?: Parameters<JobRepository['transition']>[2], signal?: AbortSignal) => Promise<void>;

/**
 * The video half of a job's pipeline, the same for both families: submit once, poll until done,
 * fetch the result to a temp file. The runner owns the job's life (slots, finalize, failure).
 */
export class VideoSteps {
  constructor(
    private readonly deps: VideoStepsDeps,
    /** records a new job state and tells the owner's windows; throws when the job ended meanwhile */
    private readonly move: Move,
  ) {}

  async submit(row: JobRow, provider: VideoProvider, signal: AbortSignal): Promise<string> {
    const params = row.params as VideoParams;
    const read = (id: string | undefined) => (id ? this.deps.media.readInputImage(row.userId, id) : undefined);
    const [first, last, ...references] = await Promise.all([
      read(params.firstFrameId),
      read(params.lastFrameId),
      ...(params.referenceIds ?? []).map(async (id) => (await read(id))!),
    ]);
    const inline = (i: { mimeType: string; data: string } | undefined) => (i ? { mimeType: i.mimeType, data: i.data } : undefined);
    this.deps.genai(); // fails with NO_API_KEY before anything is recorded as sent
    await this.move(row.id, 'submitting', { submittedAt: this.deps.clock.now() }, signal);
    let operation: string;
    try {
      operation = await provider.submit({
        model: row.model,
        prompt: row.prompt,
        negativePrompt: row.negativePrompt ?? undefined,
        aspectRatio: params.aspectRatio,
        resolution: params.resolution,
        durationSeconds: params.durationSeconds,
        firstFrame: inline(first),
        lastFrame: inline(last),
        references: references.map((r) => inline(r)!),
        extendFrom: params.extendFrom,
        refineFrom: params.refineFrom,
        signal,
      });
    } catch (error) {
      const studioError = toStudioError(error);
      // A lost connection or no answer by the submit's deadline: Google may have started the video.
      // Resending could bill twice, so the job is interrupted, not retried.
      if (studioError.code === 'NETWORK_ERROR' || studioError.code === 'TIMEOUT') {
        throw new InterruptedSubmit(studioError);
      }
      throw studioError;
    }
    await this.move(row.id, 'running', { operationName: operation });
    return operation;
  }

  async waitFor(row: JobRow, provider: VideoProvider, operation: string, signal: AbortSignal): Promise<VideoOutput> {
    // The budget counts from when this run began waiting, not from the submission: after the app
    // was closed for an hour the video is usually long done, and one poll finds it.
    const startedAt = this.deps.clock.now();
    let transientFailures = 0;
    for (let polls = 0; ; polls++) {
      if (polls > 0 && this.deps.clock.now() - startedAt > this.deps.timings.maxVideoWaitMs) {
        throw new StudioError('TIMEOUT', `Google did not finish the video within ${formatMinutes(this.deps.timings.maxVideoWaitMs)}.`);
      }
      try {
        const poll = await provider.poll(operation, signal);
        transientFailures = 0;
        if (poll.done) return poll.output;
      } catch (error) {
        throwIfAborted(signal);
        const studioError = toStudioError(error);
        const serverTrouble =
          studioError.code === 'PROVIDER_ERROR' && Number((studioError.details as { httpStatus?: number } | undefined)?.httpStatus) >= 500;
        if (!(TRANSIENT_POLL_CODES.has(studioError.code) || serverTrouble)) throw studioError;
        if (++transientFailures > MAX_TRANSIENT_POLL_FAILURES) {
          throw new StudioError(
            studioError.code,
            `Google stopped answering about this video: ${transientFailures} status checks in a row failed, the last with “${studioError.message}” Your unit was given back.`,
            studioError.details,
          );
        }
        this.deps.logger.warn('video poll failed; polling again', { jobId: row.id, code: studioError.code });
      }
      await sleep(this.deps.timings.pollIntervalMs * Math.max(1, 2 ** transientFailures / 2), signal);
    }
  }

  async fetch(output: VideoOutput, signal: AbortSignal): Promise<{ path: string; mimeType: string }> {
    const tempDir = this.deps.media.tempDir();
    if (output.base64 !== undefined) {
      // the same size cap as a download, checked before anything is decoded
      const inline = await writeInlineToTempFile({ base64: output.base64, tempDir, maxBytes: this.deps.timings.maxVideoBytes, signal });
      return { path: inline.file, mimeType: output.mimeType };
    }
    if (!output.uri) throw new StudioError('PROVIDER_ERROR', 'Google finished the video but returned nothing to download.');
    const download = await downloadToTempFile({
      uri: output.uri,
      apiKey: this.deps.apiKey(),
      baseUrl: this.deps.geminiBaseUrl,
      tempDir,
      signal,
      timeoutMs: this.deps.timings.downloadTimeoutMs,
      stallMs: this.deps.timings.downloadStallMs,
      maxBytes: this.deps.timings.maxVideoBytes,
    });
    return { path: download.file, mimeType: download.mimeType.startsWith('video/') ? download.mimeType : output.mimeType };
  }
}

/**
 * A video submit whose outcome is unknown (connection lost, or no answer by its deadline): the
 * runner marks the job interrupted and gives its unit back, and never resends.
 */
export class InterruptedSubmit extends StudioError {
  constructor(cause: StudioError) {
    super(
      cause.code,
      `${cause.message} The request may have reached Google, so it was not sent again (that could bill twice). Your unit was given back; start it again if you still want the video.`,
      cause.details,
    );
  }
}

interface VideoParams {
  aspectRatio?: string;
  resolution?: string;
  durationSeconds?: number;
  firstFrameId?: string;
  lastFrameId?: string;
  referenceIds?: string[];
  /** provider handle of the video being extended / refined, captured at creation */
  extendFrom?: string;
  refineFrom?: string;
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new StudioError('CANCELLED', 'Cancelled.');
}

function formatMinutes(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
