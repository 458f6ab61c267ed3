import { z } from 'zod';

/** Which provider adapter runs a model: image generation, Veo operations, or Omni interactions. */
export const MODEL_FAMILIES = ['gemini-image', 'veo', 'omni'] as const;
export type ModelFamily = (typeof MODEL_FAMILIES)[number];

export const VIDEO_MODES = ['text', 'image', 'interpolation', 'references', 'extend'] as const;
export type VideoMode = (typeof VIDEO_MODES)[number];

export const IMAGE_SIZES = ['512', '1K', '2K', '4K'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

export const BASE_ASPECT_RATIOS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;

const aspectRatio = z.string().regex(/^\d{1,2}:\d{1,2}$/, 'an aspect ratio like 16:9');

export const modelCapabilitiesSchema = z.object({
  aspectRatios: z.array(aspectRatio).min(1).max(20),
  /** images: output sizes the model accepts */
  imageSizes: z.array(z.enum(IMAGE_SIZES)).max(IMAGE_SIZES.length).default([]),
  /** videos: output resolutions ('720p', '4k', …) */
  resolutions: z
    .array(z.string().regex(/^\d{3,4}p$|^4k$/))
    .max(10)
    .default([]),
  /** videos: accepted durations in seconds; empty when the model decides */
  durations: z.array(z.number().int().positive().max(600)).max(20).default([]),
  /** images: source + references per request; videos: reference (asset / subject) images */
  maxInputImages: z.number().int().min(0).max(14),
  videoModes: z.array(z.enum(VIDEO_MODES)).max(VIDEO_MODES.length).default([]),
  negativePrompt: z.boolean().default(false),
  /** Omni: a finished result can be refined conversationally */
  refine: z.boolean().default(false),
});
export type ModelCapabilities = z.infer<typeof modelCapabilitiesSchema>;

export const catalogueModelSchema = z.object({
  /** Google's model id; data, not code — availability changed often in 2026 */
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,80}$/, 'a model id like gemini-3.1-flash-image'),
  label: z.string().min(1).max(80),
  kind: z.enum(['image', 'video']),
  family: z.enum(MODEL_FAMILIES),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  capabilities: modelCapabilitiesSchema,
  /** set by "check models" when Google no longer knows the id */
  missing: z.boolean().default(false),
});
export type CatalogueModel = z.infer<typeof catalogueModelSchema>;

/**
 * The catalogue as a whole: ids unique, and exactly one enabled default per kind that has any
 * enabled model — so a generator always has something preselected.
 */
export const catalogueSchema = z
  .array(catalogueModelSchema)
  .max(50)
  .superRefine((models, ctx) => {
    const ids = new Set<string>();
    for (const m of models) {
      if (ids.has(m.id)) ctx.addIssue({ code: 'custom', message: `Model ${m.id} is listed twice` });
      ids.add(m.id);
      if (m.kind === 'image' && m.family !== 'gemini-image') {
        ctx.addIssue({ code: 'custom', message: `${m.id}: image models use the gemini-image family` });
      }
      if (m.kind === 'video' && m.family === 'gemini-image') {
        ctx.addIssue({ code: 'custom', message: `${m.id}: video models use the veo or omni family` });
      }
    }
    for (const kind of ['image', 'video'] as const) {
      const enabled = models.filter((m) => m.kind === kind && m.enabled);
      const defaults = enabled.filter((m) => m.isDefault);
      if (enabled.length > 0 && defaults.length !== 1) {
        ctx.addIssue({ code: 'custom', message: `Choose exactly one enabled default ${kind} model` });
      }
    }
  });
export type Catalogue = z.infer<typeof catalogueSchema>;

const imageModel = (id: string, label: string, isDefault: boolean, caps: Partial<ModelCapabilities>): CatalogueModel => ({
  id,
  label,
  kind: 'image',
  family: 'gemini-image',
  enabled: true,
  isDefault,
  missing: false,
  capabilities: modelCapabilitiesSchema.parse({ aspectRatios: [...BASE_ASPECT_RATIOS], maxInputImages: 14, ...caps }),
});

const VEO_FULL: Partial<ModelCapabilities> = {
  aspectRatios: ['16:9', '9:16'],
  resolutions: ['720p', '1080p', '4k'],
  durations: [4, 6, 8],
  maxInputImages: 3,
  videoModes: ['text', 'image', 'interpolation', 'references', 'extend'],
  negativePrompt: true,
};

const videoModel = (id: string, label: string, family: 'veo' | 'omni', isDefault: boolean, caps: Partial<ModelCapabilities>): CatalogueModel => ({
  id,
  label,
  kind: 'video',
  family,
  enabled: true,
  isDefault,
  missing: false,
  capabilities: modelCapabilitiesSchema.parse({ aspectRatios: ['16:9', '9:16'], maxInputImages: 0, ...caps }),
});

/** November 2026 defaults (docs/generation-and-jobs.md); admins edit the catalogue in settings. */
export const DEFAULT_CATALOGUE: Catalogue = [
  imageModel('gemini-3.1-flash-image', 'Nano Banana 2 (Gemini 3.1 Flash Image)', true, {
    aspectRatios: [...BASE_ASPECT_RATIOS, '1:4', '4:1', '1:8', '8:1'],
    imageSizes: ['1K', '2K', '4K'],
  }),
  imageModel('gemini-3-pro-image', 'Nano Banana Pro (Gemini 3 Pro Image)', false, { imageSizes: ['1K', '2K', '4K'] }),
  imageModel('gemini-3.1-flash-lite-image', 'Nano Banana 2 Lite', false, { imageSizes: ['1K'], maxInputImages: 3 }),
  // Google's recommended default for video since mid-2026 (docs/generation-and-jobs.md): Interactions API only.
  videoModel('gemini-omni-1.1-flash', 'Gemini Omni Flash', 'omni', true, {
    resolutions: ['360p', '720p', '1080p', '4k'],
    durations: [],
    maxInputImages: 6,
    videoModes: ['text', 'image', 'interpolation', 'references', 'extend'],
    negativePrompt: false,
    refine: true,
  }),
  videoModel('veo-3.1-generate-preview', 'Veo 3.1', 'veo', false, VEO_FULL),
  videoModel('veo-3.1-fast-generate-preview', 'Veo 3.1 Fast', 'veo', false, VEO_FULL),
  videoModel('veo-3.1-lite-generate-preview', 'Veo 3.1 Lite', 'veo', false, {
    resolutions: ['720p'],
    durations: [4, 6, 8],
    videoModes: ['text', 'image'],
    negativePrompt: true,
  }),
];

/**
 * Whether generators offer a model: an admin enabled it and Google still knows its id. A missing
 * model stays in the catalogue (admins see it flagged in settings) but nobody can pick it.
 */
export function isOffered(model: CatalogueModel): boolean {
  return model.enabled && !model.missing;
}

/**
 * The model a generator uses when none is named: the admin's default, or — while Google no longer
 * offers that one — the first other offered model of the kind, as the generator pages preselect.
 */
export function defaultModel(catalogue: Catalogue, kind: 'image' | 'video'): CatalogueModel | undefined {
  const offered = catalogue.filter((m) => m.kind === kind && isOffered(m));
  return offered.find((m) => m.isDefault) ?? offered[0];
}

/** One id's answer from "check models"; only definite answers change the catalogue. */
export interface ModelAvailability {
  id: string;
  status: 'available' | 'missing' | 'unknown';
}

/**
 * The catalogue with `missing` set from definite answers: 404 → missing, found → not missing.
 * `unknown` (no key, rate limit, network, 5xx) leaves a model as it was, so a bad day at Google
 * never hides the whole catalogue from every generator. Ids without an answer are left alone too.
 */
export function withAvailability(catalogue: Catalogue, results: readonly ModelAvailability[]): { catalogue: Catalogue; changed: string[] } {
  const answers = new Map(results.map((r) => [r.id, r.status]));
  const changed: string[] = [];
  const next = catalogue.map((m) => {
    const status = answers.get(m.id);
    if (status !== 'available' && status !== 'missing') return m;
    const missing = status === 'missing';
    if (missing === m.missing) return m;
    changed.push(m.id);
    return { ...m, missing };
  });
  return { catalogue: next, changed };
}
