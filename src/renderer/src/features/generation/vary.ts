import type { JobKind } from '../../../../shared/domain/jobs';
import type { RouteInput } from '../../../../shared/contract/types';

/** What a result was made from, as a job or the item's details record it. */
export interface VarySource {
  kind: 'image' | 'input' | 'video';
  prompt: string | null;
  negativePrompt?: string | null;
  model: string | null;
  params: Record<string, unknown>;
  inputIds: string[];
  parentMediaId: string | null;
}

export type VaryRequest =
  | { route: 'generation.image.create'; input: Omit<RouteInput<'generation.image.create'>, 'idempotencyKey'> }
  | { route: 'generation.image.edit'; input: Omit<RouteInput<'generation.image.edit'>, 'idempotencyKey'> }
  | { route: 'generation.video.create'; input: Omit<RouteInput<'generation.video.create'>, 'idempotencyKey'> };

/**
 * Which generator made an item: an edit's first input is its source, which is also its parent; a
 * new image may have inputs (references) but no parent; a video is a video.
 */
export function jobKindOf(source: VarySource): JobKind | null {
  if (source.kind === 'video') return 'video';
  if (source.kind !== 'image') return null;
  return source.parentMediaId !== null && source.inputIds[0] === source.parentMediaId ? 'edit' : 'image';
}

/**
 * "Vary": the same prompt, model, options and inputs as the result, as one new request for one new
 * result (charged like any other). A refine or extension is varied by continuing the same video
 * again. Null when there is nothing to send again (an import, a result without a prompt).
 */
export function varyRequest(source: VarySource): VaryRequest | null {
  const kind = jobKindOf(source);
  if (!kind || !source.prompt) return null;
  const text = (key: string) => (typeof source.params[key] === 'string' ? source.params[key] : undefined);
  const model = source.model ?? undefined;
  if (kind === 'image') {
    return {
      route: 'generation.image.create',
      input: {
        prompt: source.prompt,
        model,
        aspectRatio: text('aspectRatio'),
        imageSize: text('imageSize'),
        count: 1,
        referenceIds: source.inputIds,
      },
    };
  }
  if (kind === 'edit') {
    const [sourceId, ...referenceIds] = source.inputIds;
    if (!sourceId) return null;
    return {
      route: 'generation.image.edit',
      input: { sourceId, prompt: source.prompt, model, aspectRatio: text('aspectRatio'), imageSize: text('imageSize'), referenceIds },
    };
  }
  const duration = source.params.durationSeconds;
  const references = source.params.referenceIds;
  return {
    route: 'generation.video.create',
    input: {
      prompt: source.prompt,
      model,
      negativePrompt: source.negativePrompt ?? undefined,
      aspectRatio: text('aspectRatio'),
      resolution: text('resolution'),
      durationSeconds: typeof duration === 'number' ? duration : undefined,
      firstFrameId: text('firstFrameId'),
      lastFrameId: text('lastFrameId'),
      referenceIds: Array.isArray(references) ? references.filter((r): r is string => typeof r === 'string') : [],
      extendMediaId: text('extendMediaId'),
      refineMediaId: text('refineMediaId'),
    },
  };
}

/** Drops the options left unset, so the request carries what the original one carried and no more. */
export function withoutUnset<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;
}
