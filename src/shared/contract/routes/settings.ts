import { z } from 'zod';
import { catalogueModelSchema, catalogueSchema } from '../../domain/models';
import { quotaPolicySchema } from '../../domain/quotas';
import { defineRoute } from '../route';

const apiKeyStatusSchema = z.object({
  set: z.boolean(),
  source: z.enum(['stored', 'environment']).nullable(),
  lastFour: z.string().nullable(),
  protection: z.enum(['os', 'unprotected']).nullable(),
  available: z.enum(['os', 'unprotected', 'unavailable']),
});

const defaultQuotasSchema = z.object({ image: quotaPolicySchema, edit: quotaPolicySchema, video: quotaPolicySchema });

const settingsSchema = z.object({
  idleTimeoutMinutes: z.number().int(),
  defaultQuotas: defaultQuotasSchema,
  maxParallelJobs: z.number().int(),
  catalogue: z.array(catalogueModelSchema),
  apiKey: apiKeyStatusSchema,
});

export const settingsGet = defineRoute({
  name: 'settings.get',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: settingsSchema,
});

export const settingsUpdate = defineRoute({
  name: 'settings.update',
  access: 'admin',
  input: z
    .object({
      idleTimeoutMinutes: z.number().int().min(5, 'at least 5 minutes').max(120, 'at most 120 minutes'),
      defaultQuotas: defaultQuotasSchema,
      maxParallelJobs: z.number().int().min(1).max(8),
    })
    .partial()
    .strict(),
  output: settingsSchema,
});

export const settingsSetApiKey = defineRoute({
  name: 'settings.set_api_key',
  access: 'admin',
  input: z
    .object({
      apiKey: z
        .string()
        .trim()
        .min(20, 'an API key is at least 20 characters')
        .max(200)
        .regex(/^[\x21-\x7e]+$/, 'an API key has no spaces or special characters'),
      allowUnprotected: z.boolean().optional(),
    })
    .strict(),
  output: apiKeyStatusSchema,
});

export const settingsClearApiKey = defineRoute({
  name: 'settings.clear_api_key',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: apiKeyStatusSchema,
});

export const settingsModelsUpdate = defineRoute({
  name: 'settings.models.update',
  access: 'admin',
  input: z.object({ models: catalogueSchema }).strict(),
  output: z.object({ catalogue: z.array(catalogueModelSchema) }),
});
