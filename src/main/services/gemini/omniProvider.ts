import type { GoogleGenAI } from '@google/genai';
import { StudioError } from '../../../shared/contract/errors';
import { noAnswerWithin, withDeadline } from './callBudget';
import { toStudioError } from './errors';
import type { InlineImage } from './imageProvider';
import { usageFromInteraction } from './usage';
import type { VideoOutput, VideoPoll, VideoProvider, VideoSubmission } from './videoProvider';

/** The Interactions client is a separate HTTP stack with its own (aggressive) retry defaults. */
const NO_RETRIES = { retries: { strategy: 'none' as const } };

type Content = { type: 'image'; data: string; mime_type: string } | { type: 'text'; text: string };

interface InteractionLike {
  id?: string;
  status?: string;
  errors?: { code?: string | number; message?: string }[];
  steps?: { type?: string; content?: Record<string, unknown>[] }[];
  outputs?: Record<string, unknown>[];
  usage?: Parameters<typeof usageFromInteraction>[0];
}

/**
 * Gemini Omni Flash through the Interactions API (docs/generation-and-jobs.md): create in the background
 * with retries off (a retried create is a second billed video), poll `get`, cancel for real. The
 * body is snake_case, sent verbatim. Tags in the text tell the model which image is which.
 */
export function createOmniProvider(
  ai: () => GoogleGenAI,
  options: { createTimeoutMs: number; pollTimeoutMs: number; cancelTimeoutMs?: number },
): VideoProvider {
  const cancelTimeoutMs = options.cancelTimeoutMs ?? 15_000;
  return {
    family: 'omni',
    typicalDurationMs: 60_000,

    async submit(request: VideoSubmission): Promise<string> {
      const body = createBody(request);
      try {
        return await create(ai(), body, request.signal, options.createTimeoutMs);
      } catch (error) {
        // `duration` is in the SDK types but undocumented for 1.1 (§13): a 400 naming it means the
        // request was refused, not started, so sending it again without the field bills nothing twice.
        const refusedDuration = (error as { status?: number }).status === 400 && /duration/i.test(String((error as Error).message));
        if (!refusedDuration || !body.response_format.duration) throw error;
        const { duration: _dropped, ...format } = body.response_format;
        return create(ai(), { ...body, response_format: format }, request.signal, options.createTimeoutMs);
      }
    },

    async poll(id: string, signal: AbortSignal): Promise<VideoPoll> {
      // The Interactions client ignores `timeout_ms` once a signal is given, and its clone of the
      // request can stop honouring the signal at all (callBudget.ts): the deadline is ours.
      const timeout = noAnswerWithin(options.pollTimeoutMs, 'the status check');
      const interaction = await withDeadline(signal, { timeoutMs: options.pollTimeoutMs, onTimeout: timeout }, async (deadline) => {
        try {
          return await ai().interactions.get(id, undefined, { ...NO_RETRIES, fetch_options: { signal: deadline.signal } });
        } catch (error) {
          throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: options.pollTimeoutMs });
        }
      });
      return classify(interaction, id);
    },

    async cancel(id: string, signal?: AbortSignal): Promise<void> {
      const onTimeout = noAnswerWithin(cancelTimeoutMs, 'the request to stop the video');
      await withDeadline(signal ?? new AbortController().signal, { timeoutMs: cancelTimeoutMs, onTimeout }, async (deadline) => {
        try {
          await ai().interactions.cancel(id, undefined, { ...NO_RETRIES, fetch_options: { signal: deadline.signal } });
        } catch (error) {
          throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: cancelTimeoutMs });
        }
      });
    },
  };
}

/** One create, ended at its deadline whether or not the request honours the abort (callBudget.ts). */
async function create(ai: GoogleGenAI, body: ReturnType<typeof createBody>, signal: AbortSignal, timeoutMs: number): Promise<string> {
  return withDeadline(signal, { timeoutMs, onTimeout: noAnswerWithin(timeoutMs) }, async (deadline) => {
    let created: InteractionLike;
    try {
      created = await ai.interactions.create(body as never, { ...NO_RETRIES, fetch_options: { signal: deadline.signal } });
    } catch (error) {
      throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs });
    }
    if (!created.id) throw new StudioError('PROVIDER_ERROR', 'Google accepted the video but returned no interaction to follow.');
    return created.id;
  });
}

export function createBody(request: VideoSubmission) {
  const images: { image: InlineImage; tag: string }[] = [];
  if (request.firstFrame) images.push({ image: request.firstFrame, tag: '<FIRST_FRAME>' });
  if (request.lastFrame) images.push({ image: request.lastFrame, tag: '<LAST_FRAME>' });
  (request.references ?? []).forEach((image, i) => images.push({ image, tag: `<IMAGE_REF_${i}>` }));

  const task = request.refineFrom
    ? 'edit'
    : request.extendFrom
      ? 'extend'
      : request.references?.length
        ? 'reference_to_video'
        : images.length
          ? 'image_to_video'
          : 'text_to_video';

  const text = describeImages(request) + request.prompt;
  const input: string | Content[] = images.length
    ? [...images.map(({ image }) => ({ type: 'image' as const, data: image.data, mime_type: image.mimeType })), { type: 'text' as const, text }]
    : text;

  return {
    model: request.model,
    input,
    response_format: {
      type: 'video' as const,
      ...(request.aspectRatio ? { aspect_ratio: request.aspectRatio } : {}),
      ...(request.resolution ? { resolution: request.resolution } : {}),
      ...(request.durationSeconds ? { duration: `${request.durationSeconds}s` } : {}),
      delivery: 'inline' as const,
    },
    generation_config: { video_config: { task } },
    ...(request.refineFrom || request.extendFrom ? { previous_interaction_id: request.refineFrom ?? request.extendFrom } : {}),
    background: true,
  };
}

/** The person writes a normal prompt; the app names the images for the model. */
function describeImages(request: VideoSubmission): string {
  const parts: string[] = [];
  if (request.firstFrame && request.lastFrame) parts.push('Start on <FIRST_FRAME> and end on <LAST_FRAME>.');
  else if (request.firstFrame) parts.push('Animate <FIRST_FRAME> as the first frame.');
  if (request.references?.length) {
    parts.push(`Subjects: ${request.references.map((_, i) => `<IMAGE_REF_${i}>`).join(', ')}.`);
  }
  return parts.length ? `${parts.join(' ')} ` : '';
}

/** Outcome in the order §13 gives: status, then errors, then a video item, else a refusal. */
function classify(interaction: InteractionLike, id: string): VideoPoll {
  const status = interaction.status ?? 'in_progress';
  if (['in_progress', 'queued', 'requires_action', 'requires_continuation'].includes(status)) return { done: false };
  const error = interaction.errors?.[0];
  if (status === 'cancelled') throw new StudioError('CANCELLED', 'The video was cancelled.');
  if (status === 'failed' || error) {
    const message = error?.message?.slice(0, 300) ?? 'no reason given';
    const blocked = /safety|blocked|policy|prohibited/i.test(`${error?.code ?? ''} ${message}`);
    throw new StudioError(
      blocked ? 'CONTENT_BLOCKED' : 'PROVIDER_ERROR',
      `${blocked ? "Google's safety filters withheld the video" : 'Video generation failed'}: ${message}`,
    );
  }
  if (status === 'budget_exceeded') throw new StudioError('PROVIDER_ERROR', 'Google stopped the video: the budget for this request ran out.');
  if (status === 'incomplete') throw new StudioError('PROVIDER_ERROR', 'Google stopped the video before it was complete. Try again.');

  const content = lastOutput(interaction);
  const video = content.find((c) => c.type === 'video');
  if (video && (typeof video.data === 'string' || typeof video.uri === 'string')) {
    const output: VideoOutput = {
      mimeType: typeof video.mime_type === 'string' ? video.mime_type : 'video/mp4',
      continuationRef: interaction.id ?? id,
      usage: usageFromInteraction(interaction.usage),
      ...(typeof video.data === 'string' ? { base64: video.data } : { uri: String(video.uri) }),
    };
    return { done: true, output };
  }
  const text = content
    .filter((c) => c.type === 'text' && typeof c.text === 'string')
    .map((c) => String(c.text))
    .join(' ')
    .trim();
  throw new StudioError(
    'CONTENT_BLOCKED',
    text
      ? `The model declined to make this video: “${text.length > 200 ? `${text.slice(0, 200)}…` : text}”`
      : 'The model returned no video. Try again.',
  );
}

/** Steps (current shape) or a flat outputs list (before May 2026). */
function lastOutput(interaction: InteractionLike): Record<string, unknown>[] {
  const outputs = (interaction.steps ?? []).filter((s) => s.type === 'model_output');
  if (outputs.length) return outputs[outputs.length - 1]?.content ?? [];
  return interaction.outputs ?? [];
}
