import { z } from 'zod';
import { ACCOUNT_STATUSES, EMAIL_MAX, ROLES, normalizeEmail } from '../../domain/accounts';
import { modelAccessSchema } from '../../domain/modelAccess';
import { QUOTA_PERIODS, quotaPoliciesSchema } from '../../domain/quotas';
import { defineRoute } from '../route';

const userId = z.string().min(1).max(64);

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(ACCOUNT_STATUSES),
  isActive: z.boolean(),
  awaitingSetup: z.boolean(),
  /** set while a lockout lasts */
  lockedUntil: z.number().nullable(),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
  /** the admins who manage this account (docs/accounts.md) */
  managers: z.array(z.object({ id: z.string(), email: z.string() })),
  isSelf: z.boolean(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/**
 * A row of `users.list`: the summary plus whether the person is signed in right now (a live session
 * in main), so a confirmation can say truthfully "they will be signed out". Only the list carries it:
 * it is a snapshot of main's memory, not part of the account.
 */
const kindUsageSchema = z.object({
  used: z.number(),
  /** null: unlimited */
  limit: z.number().nullable(),
  period: z.enum(QUOTA_PERIODS),
});

export const userListItemSchema = userSummarySchema.extend({
  signedInNow: z.boolean(),
  /** what the person used of each kind in its current period, against the limit in force */
  usage: z.object({ image: kindUsageSchema, edit: kindUsageSchema, video: kindUsageSchema }),
  /** for an account awaiting setup: when its newest unused setup code stops working */
  setupCodeExpiresAt: z.number().nullable(),
});
export type UserListItem = z.infer<typeof userListItemSchema>;

export const USER_SORTS = ['email', 'lastSignIn', 'status', 'usage'] as const;
export type UserSort = (typeof USER_SORTS)[number];

export const usersList = defineRoute({
  name: 'users.list',
  access: 'admin',
  input: z
    .object({
      /** part of an email, case-insensitive */
      query: z.string().max(200).optional(),
      status: z.enum(ACCOUNT_STATUSES).optional(),
      role: z.enum(ROLES).optional(),
      /**
       * `usage`: the fullest quota first when descending (used / limit of the kind nearest its limit);
       * `lastSignIn`: never signed in counts as the oldest; `status`: active, inactive, awaiting setup, locked
       */
      sort: z.enum(USER_SORTS).default('email'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      /**
       * `nextCursor` of the previous page, as given (keyset paging: sort value and email of its last row).
       * Sorted by email the sort value is the email too, so the bound leaves room for two of the longest.
       */
      cursor: z
        .string()
        .max(8 * EMAIL_MAX)
        .optional(),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict()
    .optional()
    .transform((input) => input ?? { sort: 'email' as const, direction: 'asc' as const, limit: 100 }),
  output: z.object({
    items: z.array(userListItemSchema),
    nextCursor: z.string().nullable(),
    /** accounts matching the filters within the admin's scope */
    total: z.number(),
  }),
});

export const inviteResultSchema = z.object({
  email: z.string(),
  status: z.enum(['created', 'invalid', 'exists']),
  userId: z.string().optional(),
  /** the one-time setup code, formatted; present only on `created`, and only in this response */
  code: z.string().optional(),
  codeExpiresAt: z.number().optional(),
  message: z.string(),
});
export type InviteResult = z.infer<typeof inviteResultSchema>;

export const usersInvite = defineRoute({
  name: 'users.invite',
  access: 'admin',
  input: z
    .object({
      /** raw entries: each is checked on its own and gets its own result */
      emails: z.array(z.string().max(1000)).min(1).max(200),
      role: z.enum(ROLES).default('user'),
      /** explicit policies over the default policy; kinds left out get the default */
      quotas: quotaPoliciesSchema.optional(),
    })
    .strict(),
  output: z.object({ results: z.array(inviteResultSchema) }),
});

export const usersUpdate = defineRoute({
  name: 'users.update',
  access: 'admin',
  input: z
    .object({ userId, isActive: z.boolean().optional(), role: z.enum(ROLES).optional() })
    .strict()
    .refine((i) => i.isActive !== undefined || i.role !== undefined, { message: 'Say what to change: isActive or role' }),
  output: z.object({ user: userSummarySchema }),
});

export const usersResetPassword = defineRoute({
  name: 'users.reset_password',
  access: 'admin',
  input: z.object({ userId }).strict(),
  output: z.object({ userId: z.string(), email: z.string(), code: z.string(), expiresAt: z.number() }),
});

export const usersUnlock = defineRoute({
  name: 'users.unlock',
  access: 'admin',
  input: z.object({ userId }).strict(),
  output: z.object({ user: userSummarySchema }),
});

const shareInput = z.object({ userId, adminEmail: z.string().max(EMAIL_MAX).transform(normalizeEmail) }).strict();

export const usersShare = defineRoute({
  name: 'users.share',
  access: 'admin',
  input: shareInput,
  output: z.object({ user: userSummarySchema }),
});

export const usersUnshare = defineRoute({
  name: 'users.unshare',
  access: 'admin',
  input: shareInput,
  output: z.object({ user: userSummarySchema }),
});

export const usersDelete = defineRoute({
  name: 'users.delete',
  access: 'admin',
  input: z.object({ userId, media: z.enum(['delete', 'transfer']) }).strict(),
  output: z.object({ userId: z.string(), media: z.enum(['delete', 'transfer']), mediaCount: z.number(), jobCount: z.number() }),
});

const accessEntrySchema = z.object({
  userId: z.string(),
  email: z.string(),
  /** the account's own access; null when it follows the workstation default */
  access: modelAccessSchema.nullable(),
  /** what is in force: the account's own access, or the default */
  effective: modelAccessSchema,
});
export type ModelAccessEntry = z.infer<typeof accessEntrySchema>;

export const usersModelAccessGet = defineRoute({
  name: 'users.model_access.get',
  access: 'admin',
  input: z.object({ userIds: z.array(userId).min(1).max(500) }).strict(),
  output: z.object({ items: z.array(accessEntrySchema) }),
});

export const usersModelAccessSet = defineRoute({
  name: 'users.model_access.set',
  access: 'admin',
  input: z
    .object({
      userIds: z.array(userId).min(1).max(500),
      /** null: follow the workstation default again */
      access: modelAccessSchema.nullable(),
    })
    .strict(),
  output: z.object({ items: z.array(accessEntrySchema) }),
});
