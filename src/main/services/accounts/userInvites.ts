import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import { isPlausibleEmail, normalizeEmail } from '../../../shared/domain/accounts';
import type { InviteResult } from '../../../shared/contract/routes/users';
import type { ParsedInput } from '../../../shared/contract/types';
import type { Actor } from '../../identity';
import { type AccountDeps, audit, createAccount, findAccountByEmail, person } from './accounts';
import type { SettingsStore } from '../settings/settings';
import { issueSetupCode } from './setupCodes';
import { withWriteTx } from '../../db/tx';

const EXISTS_MESSAGE = 'Already has an account. Ask one of their admins to share it with you.';

/**
 * `users.invite` (docs/accounts.md): one result per entry. A new account gets its quota policies, its
 * inviting admin as manager and a one-time setup code returned only here. An email that already has
 * an account is reported and left untouched: inviting is never a way to gain someone's account (the
 * previous system let any admin "claim" one); sharing is.
 */
export function inviteUsers(deps: AccountDeps & { settings: SettingsStore }, actor: Actor, input: ParsedInput<'users.invite'>): InviteResult[] {
  const policies = { ...deps.settings.get('defaultQuotas'), ...input.quotas };
  const admin = { id: actor.userId, email: actor.email };
  return withWriteTx(deps.db, () => {
    const results: InviteResult[] = [];
    const seen = new Set<string>();
    for (const raw of input.emails) {
      const email = normalizeEmail(raw);
      if (!isPlausibleEmail(email)) {
        results.push({ email: raw.trim().slice(0, 254), status: 'invalid', message: 'Not a valid email address.' });
        continue;
      }
      if (seen.has(email)) {
        results.push({ email, status: 'exists', message: 'Listed more than once; invited once above.' });
        continue;
      }
      seen.add(email);
      const existing = findAccountByEmail(deps.db, email);
      if (existing) {
        // recorded for the inviting admin only: no target, so the account's own admins are not told
        audit(deps, AUDIT_ACTIONS.invite, admin, null, { email, result: 'exists' });
        results.push({ email, status: 'exists', message: EXISTS_MESSAGE });
        continue;
      }
      const row = createAccount(deps, { email, role: input.role, passwordHash: null, createdBy: actor.userId }, policies);
      const issued = issueSetupCode(deps.db, row.id, actor.userId, deps.clock.now());
      audit(deps, AUDIT_ACTIONS.invite, admin, person(row), { role: input.role, quotas: policies });
      audit(deps, AUDIT_ACTIONS.setupCodeIssued, admin, person(row), { expiresAt: issued.expiresAt, reason: 'invite' });
      results.push({
        email,
        status: 'created',
        userId: row.id,
        code: issued.code,
        codeExpiresAt: issued.expiresAt,
        message: 'Invited. Give them this setup code; it is shown only once.',
      });
    }
    return results;
  });
}
