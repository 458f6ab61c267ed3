// `POST /{v}/models/{model}:generateContent` for Gemini image models
// (docs/generation-and-jobs.md). All outcomes here are HTTP 200: success, and the
// three "no image" shapes the app must classify itself.
import { okJson, type HttpReply } from './errors.ts';
import { imageFor } from './images.ts';
import type { Directive, ImageSpec } from './types.ts';

export interface GenerateContentInput {
  model: string;
  /** Request number; makes images and response ids differ between requests. */
  seq: number;
  directive: Directive;
  defaultImage: ImageSpec;
  defaultThoughts: boolean;
  body: unknown;
}

interface Part {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
}

function requestedSeed(body: unknown): number | undefined {
  const cfg = (body as { generationConfig?: { seed?: unknown } } | undefined)?.generationConfig;
  return typeof cfg?.seed === 'number' ? cfg.seed : undefined;
}

function promptTokens(body: unknown): number {
  // Roughly "one token per 4 characters" so usage numbers move with the prompt.
  return Math.max(1, Math.ceil(JSON.stringify((body as { contents?: unknown } | undefined)?.contents ?? '').length / 4));
}

export function generateContentReply(input: GenerateContentInput): HttpReply {
  const { model, seq, directive } = input;
  const responseId = `fake-resp-${seq}`;
  const prompt = promptTokens(input.body);

  if (directive.reply === 'block') {
    return okJson({
      promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
      usageMetadata: { promptTokenCount: prompt, totalTokenCount: prompt, promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }] },
      modelVersion: model,
      responseId,
    });
  }
  if (directive.reply === 'image-safety') {
    return okJson({
      candidates: [
        {
          finishReason: 'IMAGE_SAFETY',
          // The SDK drops finishMessage (docs/generation-and-jobs.md); sent anyway, as Google does.
          finishMessage:
            "Unable to show the generated image. The image was filtered out because it violated Google's Generative AI Prohibited Use policy. You will not be charged for blocked images. Try rephrasing the prompt.",
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: prompt, totalTokenCount: prompt },
      modelVersion: model,
      responseId,
    });
  }
  if (directive.reply === 'text-only') {
    return okJson({
      candidates: [
        {
          content: {
            role: 'model',
            parts: [{ text: "I can't create that image, but here is a description of what it could look like: a quiet scene in soft light." }],
          },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: { promptTokenCount: prompt, candidatesTokenCount: 27, totalTokenCount: prompt + 27 },
      modelVersion: model,
      responseId,
    });
  }

  const spec = directive.image ?? input.defaultImage;
  const seed = requestedSeed(input.body) ?? seq;
  const count = Math.max(1, directive.imageCount ?? 1);
  const thoughts = directive.thoughts ?? input.defaultThoughts;
  const parts: Part[] = [];
  if (thoughts) {
    // Gemini 3 image models think in pictures too; the app must skip these.
    const draft = imageFor({ kind: 'pattern', width: 32, height: 32 }, seed + 100_000);
    parts.push({ text: 'Planning the composition: subject centred, soft key light from the left.', thought: true });
    parts.push({ inlineData: { mimeType: 'image/png', data: draft.toString('base64') }, thought: true });
  }
  parts.push({ text: count > 1 ? `Here are ${count} images.` : 'Here is your image.' });
  for (let i = 0; i < count; i++) {
    const png = imageFor(spec, seed + i);
    parts.push({
      inlineData: { mimeType: 'image/png', data: png.toString('base64') },
      ...(i === 0 ? { thoughtSignature: Buffer.from(`sig-${seq}`).toString('base64') } : {}),
    });
  }
  const imageTokens = 1290 * count;
  const thoughtTokens = thoughts ? 180 : 0;
  return okJson({
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: prompt,
      candidatesTokenCount: imageTokens + 5,
      totalTokenCount: prompt + imageTokens + 5 + thoughtTokens,
      ...(thoughts ? { thoughtsTokenCount: thoughtTokens } : {}),
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
      candidatesTokensDetails: [
        { modality: 'TEXT', tokenCount: 5 },
        { modality: 'IMAGE', tokenCount: imageTokens },
      ],
    },
    modelVersion: model,
    responseId,
  });
}
