import { z } from 'zod';
import { IMAGE_SIZES, type CatalogueModel, type ImageSize } from './models';

/** Video resolutions from smallest to largest; a ceiling allows its own and every smaller one. */
export const VIDEO_RESOLUTIONS = ['360p', '720p', '1080p', '4k'] as const;
export type VideoResolution = (typeof VIDEO_RESOLUTIONS)[number];

/**
 * What one person may use (docs/models-and-money.md, "Model access"): which models, and the largest
 * image size and video resolution. `null` in a field means "no limit there". An account whose own
 * access is unset follows the workstation's default (the `defaultModelAccess` setting), so changing
 * the default changes everyone who follows it.
 */
export const modelAccessSchema = z
  .object({
    /** model ids this person may use; null: every model the studio offers */
    models: z.array(z.string().max(100)).max(200).nullable(),
    /** the largest image size; null: any */
    maxImageSize: z.enum(IMAGE_SIZES).nullable(),
    /** the highest video resolution; null: any */
    maxVideoResolution: z.enum(VIDEO_RESOLUTIONS).nullable(),
  })
  .strict();
export type ModelAccess = z.infer<typeof modelAccessSchema>;

export const UNRESTRICTED_ACCESS: ModelAccess = { models: null, maxImageSize: null, maxVideoResolution: null };

export function mayUseModel(access: ModelAccess, modelId: string): boolean {
  return access.models === null || access.models.includes(modelId);
}

/** The image sizes of `model` this person may choose, in the model's order. */
export function allowedImageSizes(access: ModelAccess, model: Pick<CatalogueModel, 'capabilities'>): ImageSize[] {
  const sizes = model.capabilities.imageSizes;
  if (access.maxImageSize === null) return sizes;
  const ceiling = IMAGE_SIZES.indexOf(access.maxImageSize);
  return sizes.filter((s) => IMAGE_SIZES.indexOf(s) <= ceiling);
}

/** The video resolutions of `model` this person may choose; an unknown resolution counts as above any ceiling. */
export function allowedResolutions(access: ModelAccess, model: Pick<CatalogueModel, 'capabilities'>): string[] {
  const resolutions = model.capabilities.resolutions;
  if (access.maxVideoResolution === null) return resolutions;
  const ceiling = VIDEO_RESOLUTIONS.indexOf(access.maxVideoResolution);
  return resolutions.filter((r) => {
    const rank = VIDEO_RESOLUTIONS.indexOf(r as VideoResolution);
    return rank !== -1 && rank <= ceiling;
  });
}

export interface AccessOrder {
  /** the size asked for; undefined lets the model choose its default, which the check treats as its smallest */
  imageSize?: string;
  resolution?: string;
}

/**
 * Why this person may not send this order, naming what they may use instead; null when they may.
 * Main calls it before anything is reserved; the generator pages use the same rules to offer only
 * what is allowed, so the refusal is a backstop, not the usual path.
 */
export function accessRefusal(access: ModelAccess, model: CatalogueModel, order: AccessOrder, offered: CatalogueModel[]): string | null {
  if (!mayUseModel(access, model.id)) {
    const allowed = offered.filter((m) => m.kind === model.kind && mayUseModel(access, m.id)).map((m) => m.label);
    return allowed.length
      ? `Your account may not use ${model.label}. You may use ${joinList(allowed)}.`
      : `Your account may not use any ${model.kind} model. Ask an admin for access.`;
  }
  if (model.kind === 'image' && order.imageSize && !allowedImageSizes(access, model).includes(order.imageSize as ImageSize)) {
    return `Your account may make images up to ${access.maxImageSize} with ${model.label}; ${order.imageSize} is not allowed.`;
  }
  if (model.kind === 'video' && order.resolution && !allowedResolutions(access, model).includes(order.resolution)) {
    return `Your account may make videos up to ${resolutionLabel(access.maxVideoResolution!)}; ${resolutionLabel(order.resolution)} is not allowed.`;
  }
  return null;
}

/** "4K" rather than "4k": the way people write it. */
export function resolutionLabel(resolution: string): string {
  return resolution === '4k' ? '4K' : resolution;
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The catalogue as this person may use it: models they may not use are left out, and each model's
 * sizes and resolutions are narrowed to what is allowed. A model with nothing left to choose goes
 * too. The generator pages offer exactly this, so they never show an option main would refuse.
 */
export function restrictCatalogue(access: ModelAccess, models: CatalogueModel[]): CatalogueModel[] {
  const restricted: CatalogueModel[] = [];
  for (const model of models) {
    if (!mayUseModel(access, model.id)) continue;
    const imageSizes = allowedImageSizes(access, model);
    const resolutions = allowedResolutions(access, model);
    if (model.capabilities.imageSizes.length > 0 && imageSizes.length === 0) continue;
    if (model.capabilities.resolutions.length > 0 && resolutions.length === 0) continue;
    restricted.push({ ...model, capabilities: { ...model.capabilities, imageSizes, resolutions } });
  }
  return restricted;
}

/**
 * A model access in words, for forms, notices and the audit log: "every model; images up to 2K;
 * videos up to 1080p". `labelOf` names a model (the catalogue's label); ids it does not know stay ids.
 */
export function accessWords(access: ModelAccess, labelOf: (modelId: string) => string = (id) => id): string {
  const parts: string[] = [];
  if (access.models === null) parts.push('every model');
  else if (access.models.length === 0) parts.push('no models');
  else parts.push(access.models.map(labelOf).join(', '));
  parts.push(access.maxImageSize ? `images up to ${access.maxImageSize}` : 'images of any size');
  parts.push(access.maxVideoResolution ? `videos up to ${resolutionLabel(access.maxVideoResolution)}` : 'videos at any resolution');
  return parts.join('; ');
}
