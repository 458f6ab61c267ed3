import { z } from 'zod';
import { defineRoute } from '../route';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  action: z.string(),
  actor: z.object({ id: z.string(), email: z.string() }).nullable(),
  target: z.object({ id: z.string(), email: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  workstation: z.object({ hostName: z.string(), osUser: z.string(), ipv4: z.string().nullable() }).nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditList = defineRoute({
  name: 'audit.list',
  access: 'admin',
  input: z
    .object({
      /** the id of the last entry of the previous page (newest first) */
      cursor: z
        .string()
        .regex(/^\d{1,15}$/)
        .optional(),
      limit: z.number().int().min(1).max(200).default(50),
      /** an action or a prefix by segment: `auth.login` matches `auth.login.failed` */
      action: z
        .string()
        .regex(/^[a-z_.]{1,80}$/)
        .optional(),
      /** entries where this account is the actor or the target; must be within the admin's scope */
      userId: z.string().min(1).max(64).optional(),
      from: z.number().int().min(0).optional(),
      to: z.number().int().min(0).optional(),
    })
    .strict()
    .optional()
    .transform((input) => input ?? { limit: 50 }),
  output: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
});
