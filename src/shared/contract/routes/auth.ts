import { z } from 'zod';
import { ROLES, emailSchema, normalizeEmail } from '../../domain/accounts';
import { defineRoute } from '../route';

/**
 * Passwords are only length-capped here (against absurd payloads); the product rules (10 characters,
 * 72 bytes, common list) are checked by main so the message can say exactly what is wrong.
 */
const passwordInput = z.string().max(1024);
/** Login accepts any text as the email, so a typo gets the same answer as a wrong password. */
const loginEmail = z.string().max(320).transform(normalizeEmail);

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The signed-in account as the renderer sees it: no hash, no code, no lockout internals. */
export const meSchema = z.object({
  userId: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.number(),
  lastLoginAt: z.number().nullable(),
  passwordChangedAt: z.number().nullable(),
  /** the idle timeout in force, so the renderer can say why a session ended */
  idleTimeoutMinutes: z.number(),
  sessionStartedAt: z.number(),
  /** when the 8-hour absolute limit ends this session */
  sessionExpiresAt: z.number(),
  /** the person's own theme, applied when they sign in; 'system' follows the computer's setting */
  theme: z.enum(THEMES),
  /** an admin who has not yet dismissed the first-run checklist (set when the first admin is created) */
  setupChecklist: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const authSetupFirstAdmin = defineRoute({
  name: 'auth.setup_first_admin',
  access: 'setup',
  input: z.object({ email: emailSchema, password: passwordInput }).strict(),
  output: meSchema,
});

export const authLogin = defineRoute({
  name: 'auth.login',
  access: 'public',
  input: z.object({ email: loginEmail, password: passwordInput }).strict(),
  output: meSchema,
});

export const authRedeemCode = defineRoute({
  name: 'auth.redeem_code',
  access: 'public',
  input: z.object({ email: loginEmail, code: z.string().max(64), password: passwordInput }).strict(),
  output: meSchema,
});

export const authLogout = defineRoute({
  name: 'auth.logout',
  access: 'user',
  input: z.object({}).strict().optional(),
  output: z.object({ signedOut: z.literal(true) }),
});

/** Also the renderer's activity heartbeat: any request touches the session. */
export const authMe = defineRoute({
  name: 'auth.me',
  access: 'user',
  input: z.object({}).strict().optional(),
  output: meSchema,
});

/** The person's theme, kept with their account: another person on the same computer keeps theirs. */
export const authSetTheme = defineRoute({
  name: 'auth.set_theme',
  access: 'user',
  input: z.object({ theme: z.enum(THEMES) }).strict(),
  output: meSchema,
});

/** Hides the first-run checklist for this admin, for good. */
export const authDismissSetupChecklist = defineRoute({
  name: 'auth.dismiss_setup_checklist',
  access: 'admin',
  input: z.object({}).strict().optional(),
  output: meSchema,
});

export const authChangePassword = defineRoute({
  name: 'auth.change_password',
  access: 'user',
  input: z.object({ currentPassword: passwordInput, newPassword: passwordInput }).strict(),
  output: z.object({ changed: z.literal(true), endedOtherSessions: z.number() }),
});
