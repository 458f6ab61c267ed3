import { z } from 'zod';
import { successorChain } from './modelSuccessors';

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

/** The four extra-wide and extra-tall ratios of the 3.1 flash generation, on top of the base ten. */
const ALL_ASPECT_RATIOS = [...BASE_ASPECT_RATIOS, '1:4', '4:1', '1:8', '8:1'];

const OMNI: Partial<ModelCapabilities> = {
  resolutions: ['360p', '720p', '1080p', '4k'],
  durations: [],
  maxInputImages: 6,
  videoModes: ['text', 'image', 'interpolation', 'references', 'extend'],
  negativePrompt: false,
  refine: true,
};

/**
 * Late-November 2026 defaults (docs/models-and-money.md): Nano Banana 2.1 and Omni 1.1 Flash are the
 * defaults; older ids stay as entries the daily `models.list` check keeps honest. Omni 1.2 is
 * unconfirmed with an API key, so it ships disabled until an admin (or a migration to it) enables it.
 * `gemini-2.5-flash-image` is shut down and not shipped. Admins edit the catalogue in settings.
 */
export const DEFAULT_CATALOGUE: Catalogue = [
  imageModel('gemini-nano-banana-2.1', 'Nano Banana 2.1', true, { aspectRatios: ALL_ASPECT_RATIOS, imageSizes: ['1K', '2K', '4K'] }),
  imageModel('gemini-3.1-flash-image', 'Nano Banana 2 (Gemini 3.1 Flash Image)', false, {
    aspectRatios: ALL_ASPECT_RATIOS,
    imageSizes: ['512', '1K', '2K', '4K'],
  }),
  imageModel('gemini-3-pro-image', 'Nano Banana Pro (Gemini 3 Pro Image)', false, { imageSizes: ['1K', '2K', '4K'] }),
  imageModel('gemini-3.1-flash-lite-image', 'Nano Banana 2 Lite', false, { aspectRatios: ALL_ASPECT_RATIOS, imageSizes: ['1K'] }),
  // Google's recommended default for video since mid-2026 (docs/generation-and-jobs.md): Interactions API only.
  videoModel('gemini-omni-1.1-flash', 'Gemini Omni Flash', 'omni', true, OMNI),
  {
    ...videoModel('gemini-omni-1.2-flash', 'Gemini Omni 1.2 Flash', 'omni', false, {
      ...OMNI,
      // the only price known is for 720p (docs/models-and-money.md)
      resolutions: ['720p'],
    }),
    enabled: false,
  },
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
 * The model a generator uses when none is named: the admin's default; while Google no longer offers
 * that one, its nearest offered successor (modelSuccessors.ts); else the first other offered model of
 * the kind, in catalogue order — the same choice the generator pages preselect.
 */
export function defaultModel(catalogue: Catalogue, kind: 'image' | 'video'): CatalogueModel | undefined {
  const offered = catalogue.filter((m) => m.kind === kind && isOffered(m));
  const chosen = catalogue.find((m) => m.kind === kind && m.isDefault);
  if (chosen && isOffered(chosen)) return chosen;
  if (chosen) {
    for (const id of successorChain(chosen.id)) {
      const successor = offered.find((m) => m.id === id);
      if (successor) return successor;
    }
  }
  return offered[0];
}

/** A default Google no longer offers, and the model generators use instead (null: none is left). */
export interface ReplacedDefault {
  kind: 'image' | 'video';
  missing: CatalogueModel;
  servedBy: CatalogueModel | null;
}

/** Every kind whose admin-chosen default is missing at Google: what admins are told in a banner. */
export function replacedDefaults(catalogue: Catalogue): ReplacedDefault[] {
  const out: ReplacedDefault[] = [];
  for (const kind of ['image', 'video'] as const) {
    const chosen = catalogue.find((m) => m.kind === kind && m.isDefault && m.enabled);
    if (chosen?.missing) out.push({ kind, missing: chosen, servedBy: defaultModel(catalogue, kind) ?? null });
  }
  return out;
}

/**
 * The catalogue with `from` handed over to `to`: `to` is enabled and becomes the default of its kind
 * if `from` was (or if `from` was the kind's only enabled default), and `from` is disabled. Used by
 * the successor migration and by "Make it the default"; the caller checks both ids exist.
 */
export function migrateModel(catalogue: Catalogue, fromId: string, toId: string): Catalogue {
  const from = catalogue.find((m) => m.id === fromId);
  const to = catalogue.find((m) => m.id === toId);
  if (!from || !to || from.kind !== to.kind) return catalogue;
  const takesDefault = from.isDefault || to.isDefault;
  return catalogue.map((m) => {
    if (m.kind !== from.kind) return m;
    if (m.id === toId) return { ...m, enabled: true, isDefault: takesDefault };
    if (m.id === fromId) return { ...m, enabled: false, isDefault: false };
    return takesDefault ? { ...m, isDefault: false } : m;
  });
}

/** How the last catalogue check went (shown to admins; only a successful full list changes flags). */
export const MODEL_CHECK_TRIGGERS = ['manual', 'start', 'daily', 'key'] as const;
export const MODEL_CHECK_ERROR_KINDS = ['bad-key', 'rate-limit', 'network', 'timeout', 'google'] as const;
export const modelCheckRecordSchema = z.object({
  at: z.number().int(),
  trigger: z.enum(MODEL_CHECK_TRIGGERS),
  outcome: z.enum(['ok', 'failed']),
  errorKind: z.enum(MODEL_CHECK_ERROR_KINDS).nullable(),
  /** a sentence a person can act on; null after a success */
  message: z.string().max(500).nullable(),
  /** when a check last succeeded (this one or an earlier one) */
  lastSuccessAt: z.number().int().nullable(),
  /** catalogue ids Google listed at the last successful check: what a migration may move to */
  confirmed: z.array(z.string()).max(200),
});
export type ModelCheckRecord = z.infer<typeof modelCheckRecordSchema>;
export type ModelCheckErrorKind = (typeof MODEL_CHECK_ERROR_KINDS)[number];

/** What one `models.list` run found: every id Google lists, or why the list could not be had. */
export type ModelListOutcome = { ok: true; ids: ReadonlySet<string> } | { ok: false; errorKind: ModelCheckErrorKind; message: string };

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
