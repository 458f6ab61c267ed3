import { GenerateVideosOperation, type GoogleGenAI } from '@google/genai';
import { StudioError } from '../../../shared/contract/errors';
import { noAnswerWithin, withDeadline } from './callBudget';
import { toStudioError } from './errors';
import type { InlineImage } from './imageProvider';
import type { VideoPoll, VideoProvider, VideoSubmission } from './videoProvider';

/**
 * Veo 3.1 through `models.generateVideos` → operation polling (docs/generation-and-jobs.md). Every option
 * the person chose is sent; the option rules were checked before (shared/domain/videoRules.ts).
 */
export function createVeoProvider(ai: () => GoogleGenAI, options: { pollTimeoutMs: number; submitTimeoutMs?: number }): VideoProvider {
  const submitTimeoutMs = options.submitTimeoutMs ?? 60_000;
  return {
    family: 'veo',
    typicalDurationMs: 90_000,

    async submit(request: VideoSubmission): Promise<string> {
      const image = (i: InlineImage) => ({ imageBytes: i.data, mimeType: i.mimeType });
      const config = {
        numberOfVideos: 1,
        ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
        ...(request.resolution ? { resolution: request.resolution } : {}),
        ...(request.durationSeconds !== undefined ? { durationSeconds: request.durationSeconds } : {}),
        ...(request.negativePrompt ? { negativePrompt: request.negativePrompt } : {}),
        ...(request.lastFrame ? { lastFrame: image(request.lastFrame) } : {}),
        ...(request.references?.length ? { referenceImages: request.references.map((r) => ({ image: image(r), referenceType: 'ASSET' })) } : {}),
      };
      const source = {
        prompt: request.prompt,
        ...(request.firstFrame ? { image: image(request.firstFrame) } : {}),
        ...(request.extendFrom ? { video: { uri: request.extendFrom } } : {}),
      };
      // The SDK sets no deadline of its own, and a hung submit must not hold a slot: ours ends it (callBudget.ts).
      return withDeadline(request.signal, { timeoutMs: submitTimeoutMs, onTimeout: noAnswerWithin(submitTimeoutMs) }, async (deadline) => {
        let operation: GenerateVideosOperation;
        try {
          operation = await ai().models.generateVideos({
            model: request.model,
            source,
            config: { ...config, abortSignal: deadline.signal },
          } as never);
        } catch (error) {
          throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: submitTimeoutMs });
        }
        if (!operation.name) throw new StudioError('PROVIDER_ERROR', 'Google accepted the video but returned no operation to follow.');
        return operation.name;
      });
    },

    async poll(name: string, signal: AbortSignal): Promise<VideoPoll> {
      // A plain { name } object throws inside the SDK; it needs a real operation instance (§6.2).
      const operation = new GenerateVideosOperation();
      operation.name = name;
      const timeout = noAnswerWithin(options.pollTimeoutMs, 'the status check');
      const result = await withDeadline(signal, { timeoutMs: options.pollTimeoutMs, onTimeout: timeout }, async (deadline) => {
        try {
          return await ai().operations.getVideosOperation({ operation, config: { abortSignal: deadline.signal } });
        } catch (error) {
          throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: options.pollTimeoutMs });
        }
      });
      if (!result.done) return { done: false };
      return { done: true, output: classifyDone(result) };
    },

    async cancel(): Promise<void> {
      // The Gemini API has no cancel for Veo operations: Google finishes (and may bill) the video.
    },
  };
}

/** `done` outcomes in the order docs/generation-and-jobs.md gives: error, videos, safety filter, empty. */
function classifyDone(result: GenerateVideosOperation) {
  if (result.error) {
    const message = typeof result.error.message === 'string' ? result.error.message : 'no reason given';
    throw new StudioError('PROVIDER_ERROR', `Video generation failed: ${message.slice(0, 300)}`, { code: result.error.code });
  }
  const video = result.response?.generatedVideos?.[0]?.video;
  if (video?.uri) return { uri: video.uri, mimeType: video.mimeType ?? 'video/mp4', continuationRef: video.uri };
  if (video?.videoBytes) return { base64: video.videoBytes, mimeType: video.mimeType ?? 'video/mp4' };
  const filtered = result.response?.raiMediaFilteredCount ?? 0;
  if (filtered > 0) {
    const reasons = result.response?.raiMediaFilteredReasons?.join(' ') ?? '';
    throw new StudioError('CONTENT_BLOCKED', `Google's safety filters withheld the video.${reasons ? ` ${reasons.slice(0, 300)}` : ''}`, {
      raiMediaFilteredCount: filtered,
    });
  }
  throw new StudioError('PROVIDER_ERROR', 'Google finished the video but returned nothing to download. Try again.');
}
