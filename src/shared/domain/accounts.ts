import { z } from 'zod';

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * One status per account for lists and filters, by precedence: a deactivated account is `inactive`
 * whatever else is true; one without a password yet is `awaiting-setup`; one inside a lockout is
 * `locked`; otherwise `active`.
 */
export const ACCOUNT_STATUSES = ['active', 'inactive', 'awaiting-setup', 'locked'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Active',
  inactive: 'Inactive',
  'awaiting-setup': 'Awaiting setup',
  locked: 'Locked',
};

export const EMAIL_MAX = 254;

/** Emails are compared and stored trimmed and lower-cased (docs/accounts.md). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Deliberately loose: one @, something on each side, a dot in the domain, no spaces. */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= EMAIL_MAX && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}

/** A well-formed email, normalized; for inputs that must name one account. */
export const emailSchema = z.string().max(EMAIL_MAX).transform(normalizeEmail).refine(isPlausibleEmail, { message: 'Enter a valid email address' });

/** Splits pasted text (one per line, or separated by commas, semicolons or spaces) into emails. */
export function splitEmailList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
