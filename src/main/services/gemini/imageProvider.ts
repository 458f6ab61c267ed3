import type { GoogleGenAI, Part } from '@google/genai';
import { StudioError } from '../../../shared/contract/errors';
import { noAnswerWithin, withDeadline } from './callBudget';
import { toStudioError } from './errors';
import { usageFromMetadata } from './usage';
import type { ReportedUsage } from '../../../shared/domain/pricing';

export interface InlineImage {
  mimeType: string;
  /** base64, as the SDK requires */
  data: string;
}

export interface ImageRequest {
  model: string;
  prompt: string;
  /** the source image (edit) first, then references, in the order the prompt refers to them */
  images: InlineImage[];
  aspectRatio?: string;
  imageSize?: string;
  signal: AbortSignal;
  /** our own budget for the whole call; the SDK has none by default (docs/generation-and-jobs.md) */
  timeoutMs: number;
}

export interface GeneratedImage {
  mimeType: string;
  bytes: Buffer;
}

export interface ImageResult {
  image: GeneratedImage;
  responseId?: string;
  modelVersion?: string;
  /** Google's token counts for the call (the job's actual cost) */
  usage?: ReportedUsage;
}

/** finishReasons that mean the output image itself was withheld by a safety or policy filter */
const IMAGE_BLOCK_REASONS = new Set([
  'SAFETY',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'PROHIBITED_CONTENT',
  'BLOCKLIST',
  'SPII',
  'RECITATION',
  'IMAGE_RECITATION',
]);

/**
 * One image through `models.generateContent` (Imagen is gone: docs/generation-and-jobs.md). One request per
 * image: asking for several candidates in one call is what billed four and kept one before.
 */
export async function generateImage(ai: GoogleGenAI, request: ImageRequest): Promise<ImageResult> {
  const parts: Part[] = [{ text: request.prompt }, ...request.images.map((image) => ({ inlineData: { ...image } }))];
  const imageConfig = {
    ...(request.aspectRatio ? { aspectRatio: request.aspectRatio } : {}),
    ...(request.imageSize ? { imageSize: request.imageSize } : {}),
  };
  // ended at its deadline even if the request ignores the abort (callBudget.ts)
  const onTimeout = noAnswerWithin(request.timeoutMs);
  const response = await withDeadline(request.signal, { timeoutMs: request.timeoutMs, onTimeout }, async (deadline) => {
    try {
      return await ai.models.generateContent({
        model: request.model,
        contents: [{ role: 'user', parts }],
        config: {
          responseModalities: ['TEXT', 'IMAGE'],
          ...(Object.keys(imageConfig).length > 0 ? { imageConfig } : {}),
          candidateCount: 1,
          // a CONTINUATION answer would make the SDK send the request again on its own
          automaticContinuation: false,
          abortSignal: deadline.signal,
        },
      });
    } catch (error) {
      throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: request.timeoutMs });
    }
  });
  return {
    image: pickImage(response),
    responseId: response.responseId,
    modelVersion: response.modelVersion,
    usage: usageFromMetadata(response.usageMetadata),
  };
}

interface ResponseLike {
  candidates?: { content?: { parts?: Part[] }; finishReason?: string }[];
  promptFeedback?: { blockReason?: string };
}

/**
 * Reads the answer part by part (docs/generation-and-jobs.md): thought images are skipped, never
 * `response.data` (it glues thought images onto the real one).
 */
export function pickImage(response: ResponseLike): GeneratedImage {
  const blockReason = response.promptFeedback?.blockReason;
  if (blockReason) {
    throw new StudioError('CONTENT_BLOCKED', `Google's safety filters blocked the prompt (${blockReason}). Rephrase it and try again.`, {
      blockReason,
    });
  }
  const candidate = response.candidates?.[0];
  const parts = candidate?.content?.parts ?? [];
  const image = parts.find((p) => p.inlineData?.data && p.thought !== true);
  if (image?.inlineData?.data) {
    return { mimeType: image.inlineData.mimeType ?? 'image/png', bytes: Buffer.from(image.inlineData.data, 'base64') };
  }
  const finishReason = candidate?.finishReason;
  if (finishReason && IMAGE_BLOCK_REASONS.has(finishReason)) {
    throw new StudioError('CONTENT_BLOCKED', `Google's safety filters withheld the image (${finishReason}). Try a different prompt.`, {
      finishReason,
    });
  }
  const text = parts
    .filter((p) => typeof p.text === 'string' && p.thought !== true)
    .map((p) => p.text)
    .join(' ')
    .trim();
  if (text) {
    const quoted = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    throw new StudioError('PROVIDER_ERROR', `The model answered with text and no image: “${quoted}”`, { finishReason });
  }
  throw new StudioError('PROVIDER_ERROR', `The model returned no image${finishReason ? ` (${finishReason})` : ''}. Try again.`, {
    finishReason,
  });
}
