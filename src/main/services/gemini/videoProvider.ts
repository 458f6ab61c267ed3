import type { ReportedUsage } from '../../../shared/domain/pricing';
import type { InlineImage } from './imageProvider';

/**
 * What the job runner needs from a video family (Veo operations, Omni interactions), so jobs,
 * recovery, quotas and the UI are shared and an SDK change touches one adapter.
 */
export interface VideoSubmission {
  model: string;
  prompt: string;
  negativePrompt?: string;
  aspectRatio?: string;
  resolution?: string;
  durationSeconds?: number;
  firstFrame?: InlineImage;
  lastFrame?: InlineImage;
  references?: InlineImage[];
  /** the provider's handle on a previous result to extend (Veo: its video URI; Omni: its interaction id) */
  extendFrom?: string;
  /** Omni: refine a previous result conversationally (its interaction id) */
  refineFrom?: string;
  signal: AbortSignal;
}

/** The finished video: a URI to download (with the API key) or bytes delivered inline. */
export interface VideoOutput {
  uri?: string;
  /** an inline result, still base64: decoded in steps straight to a file (see writeInlineToTempFile) */
  base64?: string;
  mimeType: string;
  /** what a later extension or refinement of this result must send */
  continuationRef?: string;
  /** Google's token counts for the video, where the API reports them (Omni; Veo reports none) */
  usage?: ReportedUsage;
}

export type VideoPoll = { done: false } | { done: true; output: VideoOutput };

export interface VideoProvider {
  readonly family: 'veo' | 'omni';
  /** a typical wall time, shown against elapsed time (Veo reports no progress) */
  readonly typicalDurationMs: number;
  /** sends the billable request once; returns the operation name / interaction id to persist */
  submit(request: VideoSubmission): Promise<string>;
  /**
   * Asks once; throws a StudioError for failed, blocked or empty outcomes. Every method ends by the
   * adapter's own deadline (a TIMEOUT StudioError) even when the request never returns.
   */
  poll(operation: string, signal: AbortSignal): Promise<VideoPoll>;
  /**
   * best effort: tells Google to stop (Omni can; Veo has no cancel on the Gemini API). Ends by its
   * own deadline, or when `signal` aborts.
   */
  cancel(operation: string, signal?: AbortSignal): Promise<void>;
}
