import { z } from 'zod';
import { catalogueSchema, DEFAULT_CATALOGUE } from './models';
import { INITIAL_DEFAULT_QUOTAS, quotaPolicySchema } from './quotas';

/**
 * Admin settings: each key with its schema and its initial value. Stored as JSON in the `setting`
 * table; a missing or unreadable value falls back to the default here.
 */
export const settingSchemas = {
  idleTimeoutMinutes: z.number().int().min(5).max(120),
  defaultQuotas: z.object({ image: quotaPolicySchema, edit: quotaPolicySchema, video: quotaPolicySchema }),
  maxParallelJobs: z.number().int().min(1).max(8),
  modelCatalogue: catalogueSchema,
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export const SETTING_DEFAULTS: { [K in SettingKey]: SettingValue<K> } = {
  idleTimeoutMinutes: 15,
  defaultQuotas: INITIAL_DEFAULT_QUOTAS,
  maxParallelJobs: 3,
  modelCatalogue: DEFAULT_CATALOGUE,
};
