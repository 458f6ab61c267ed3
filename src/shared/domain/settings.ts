import { z } from 'zod';
import { catalogueSchema, DEFAULT_CATALOGUE, modelCheckRecordSchema } from './models';
import { INITIAL_DEFAULT_QUOTAS, quotaPolicySchema } from './quotas';

/**
 * Bounds of the numeric settings, shared so the settings form checks exactly what main enforces.
 * Idle timeout: docs/accounts.md (5–120 minutes); parallel jobs: enough to overlap videos without flooding
 * Google's rate limit from one workstation.
 */
export const SETTING_LIMITS = {
  idleTimeoutMinutes: { min: 5, max: 120 },
  maxParallelJobs: { min: 1, max: 8 },
  /** MB of imported input images one person may keep (deleting some frees room) */
  importLimitMb: { min: 1, max: 999_999 },
} as const;

/**
 * Admin settings: each key with its schema and its initial value. Stored as JSON in the `setting`
 * table; a missing or unreadable value falls back to the default here.
 */
export const settingSchemas = {
  idleTimeoutMinutes: z.number().int().min(SETTING_LIMITS.idleTimeoutMinutes.min).max(SETTING_LIMITS.idleTimeoutMinutes.max),
  defaultQuotas: z.object({ image: quotaPolicySchema, edit: quotaPolicySchema, video: quotaPolicySchema }),
  maxParallelJobs: z.number().int().min(SETTING_LIMITS.maxParallelJobs.min).max(SETTING_LIMITS.maxParallelJobs.max),
  modelCatalogue: catalogueSchema,
  importLimitMb: z.number().int().min(SETTING_LIMITS.importLimitMb.min).max(SETTING_LIMITS.importLimitMb.max),
  /** the last catalogue check with Google (null: none yet) */
  modelCheck: modelCheckRecordSchema.nullable(),
  /** every model id a version of the studio has shipped to this install (see catalogueUpgrade.ts) */
  shippedModelIds: z.array(z.string()).max(500),
  /** the admins who still see the first-run checklist: the first admin, until they dismiss it */
  setupChecklistFor: z.array(z.string()).max(100),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  idleTimeoutMinutes: 15,
  defaultQuotas: INITIAL_DEFAULT_QUOTAS,
  maxParallelJobs: 3,
  modelCatalogue: DEFAULT_CATALOGUE,
  // generous: a few thousand photos' worth, so the limit only stops a runaway, not normal work
  importLimitMb: 2048,
  modelCheck: null,
  // what versions before the November 2026 catalogue shipped: an install without this setting has seen them
  setupChecklistFor: [],
  shippedModelIds: [
    'gemini-3.1-flash-image',
    'gemini-3-pro-image',
    'gemini-3.1-flash-lite-image',
    'gemini-omni-1.1-flash',
    'veo-3.1-generate-preview',
    'veo-3.1-fast-generate-preview',
    'veo-3.1-lite-generate-preview',
  ],
};
