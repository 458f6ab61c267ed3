import { z } from 'zod';
import { isRealLocalDate } from '../../domain/localDates';
import { QUOTA_KINDS, quotaPoliciesSchema } from '../../domain/quotas';
import { quotaKindStatusSchema, quotaStatusSchema } from '../../domain/quotaStatus';
import { defineRoute } from '../route';

/** Admins select users in lists; 500 at once is more than any lab has, and bounds the work. */
const userIdsSchema = z.array(z.string().min(1).max(100)).min(1, 'Select at least one user.').max(500, 'Select at most 500 users at once.');

const userQuotasSchema = z.object({
  userId: z.string(),
  email: z.string(),
  status: quotaStatusSchema,
});

/** The signed-in user's own quotas (header, generation pages). */
export const quotasStatus = defineRoute({
  name: 'quotas.status',
  access: 'user',
  input: z.object({}).strict().optional(),
  /** askAdmins: whom to ask for more (the admins who manage this person, or all active admins when none does) */
  output: quotaStatusSchema.extend({ askAdmins: z.array(z.string()) }),
});

/** Policies and current usage of one or many users the admin manages (or themselves). */
export const quotasGet = defineRoute({
  name: 'quotas.get',
  access: 'admin',
  input: z.object({ userIds: userIdsSchema }).strict(),
  output: z.object({ users: z.array(userQuotasSchema) }),
});

/**
 * Sets policies for a selection of users, all or nothing: one user outside the admin's scope
 * refuses the whole request and changes nobody. A kind left out keeps its current policy.
 */
export const quotasSet = defineRoute({
  name: 'quotas.set',
  access: 'admin',
  input: z
    .object({ userIds: userIdsSchema, policies: quotaPoliciesSchema })
    .strict()
    .refine((v) => Object.keys(v.policies).length > 0, { message: 'Choose at least one quota to change.', path: ['policies'] }),
  output: z.object({ users: z.array(userQuotasSchema) }),
});

/** Starts a user's current period over from zero (audited). Kinds default to all of them. */
export const quotasResetUsage = defineRoute({
  name: 'quotas.reset_usage',
  access: 'admin',
  input: z.object({ userId: z.string().min(1).max(100), kinds: z.array(z.enum(QUOTA_KINDS)).min(1).max(QUOTA_KINDS.length).optional() }).strict(),
  output: z.object({ userId: z.string(), status: quotaStatusSchema }),
});

const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-27.')
  .refine(isRealLocalDate, 'Not a real calendar date.');

const chargedSchema = z.object({
  /** units committed (charged) for jobs reserved inside the range */
  charged: z.number().int(),
  /** what those jobs cost in micro-dollars (billed where known, else estimated); null when no figure exists */
  costMicros: z.number().int().nullable(),
});
const perKind = <T extends z.ZodType>(schema: T) => z.object({ image: schema, edit: schema, video: schema });

/**
 * Usage per person (the admin and the users they manage): each unit kind's current-period used/limit,
 * units charged between two local dates of the workstation (both inclusive) and their cost, a
 * totals line, the split per model, and the units charged per day (docs/records.md).
 */
export const quotasUsageReport = defineRoute({
  name: 'quotas.usage_report',
  access: 'admin',
  input: z
    .object({ from: localDateSchema, to: localDateSchema })
    .strict()
    .refine((v) => v.from <= v.to, { message: 'The start date must not be after the end date.', path: ['to'] }),
  output: z.object({
    from: z.string(),
    to: z.string(),
    /** the range as instants: [rangeStart, rangeEnd) on the workstation's calendar */
    rangeStart: z.number(),
    rangeEnd: z.number(),
    timeZone: z.string(),
    generatedAt: z.number(),
    people: z.array(
      z.object({
        userId: z.string(),
        email: z.string(),
        kinds: perKind(quotaKindStatusSchema.extend(chargedSchema.shape)),
        costMicros: z.number().int().nullable(),
      }),
    ),
    totals: z.object({ kinds: perKind(chargedSchema), costMicros: z.number().int().nullable() }),
    models: z.array(
      chargedSchema.extend({
        userId: z.string(),
        email: z.string(),
        kind: z.enum(['image', 'edit', 'video']),
        model: z.string(),
        /** the catalogue's label, or the id when the catalogue no longer lists it */
        label: z.string(),
      }),
    ),
    days: z.array(z.object({ date: z.string(), image: z.number().int(), edit: z.number().int(), video: z.number().int() })),
  }),
});
