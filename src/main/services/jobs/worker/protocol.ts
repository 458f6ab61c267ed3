import type { ReportedUsage } from '../../../../shared/domain/pricing';
import type { ErrorCode } from '../../../../shared/contract/errors';
import type { DurableStep } from '../../media/durableFile';
import type { MediaFileFacts } from '../ports';

/**
 * The messages between main and the generation worker (docs/generation-and-jobs.md, "The generation
 * worker"). Everything here is structured-cloned, so it stays small: the image bytes never cross,
 * only where the worker stored them.
 */

/** One image job's work: the request, and where its files go. */
export interface ImageTask {
  /** the job's id; also the task's id (one task per job at a time) */
  jobId: string;
  /** read by main for each task (the key may change while the app runs); never logged */
  apiKey: string;
  baseUrl?: string;
  model: string;
  prompt: string;
  /** input images as files main checked are in the media folder, the source (edit) first; the worker reads them */
  images: { mimeType: string; file: string }[];
  aspectRatio?: string;
  imageSize?: string;
  /** the SDK call's budget (gemini/callBudget.ts), enforced in the worker */
  timeoutMs: number;
  dataDir: string;
  /** chosen by main, so main knows which files are this job's if the worker dies mid-write */
  mediaId: string;
  createdAt: number;
  /** test seam: the worker exits (as a crash would) when its write reaches this step */
  exitAtWriteStep?: `${'original' | 'thumb'}:${DurableStep}`;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** What the worker hands back for a finished image: a durable file with no database row yet. */
export interface ImageTaskResult {
  prepared: MediaFileFacts;
  responseId?: string;
  modelVersion?: string;
  /** Google's token counts for the call, as the pricing function reads them (the job's actual cost) */
  usage?: ReportedUsage;
}

export type ToWorker = { type: 'image'; task: ImageTask } | { type: 'abort'; jobId: string } | { type: 'crash'; how: 'exit' | 'throw' | 'hang' };

export type FromWorker =
  | { type: 'done'; jobId: string; result: ImageTaskResult }
  | {
      type: 'failed';
      jobId: string;
      error: SerializedError;
      /** the original error's text when it was not a StudioError (a bug, a disk fault): for the log only */
      unexpected?: string;
    }
  /**
   * After `done`: the thumbnail was written (no `error`) or could not be made. Main already recorded
   * the result; it only waits for these at shutdown and before removing a result it did not keep.
   */
  | { type: 'thumbnail'; jobId: string; mediaId: string; error?: string };
