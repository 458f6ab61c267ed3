import { eq } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import { isPlausibleEmail, normalizeEmail } from '../../../shared/domain/accounts';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import { user } from '../../db/schema';
import type { Logger } from '../../logger';
import { type AccountDeps, audit, createAccount, findAccountByEmail, person } from './accounts';
import { CLEARED_THROTTLE } from './lockout';
import type { PasswordService } from './passwords';
import type { SessionStore } from './sessions';
import type { SettingsStore } from '../settings/settings';
import { issueSetupCode } from './setupCodes';
import { withWriteTx } from '../../db/tx';

interface ProvisioningDeps extends AccountDeps {
  passwords: PasswordService;
  settings: SettingsStore;
  sessions: SessionStore;
  logger: Logger;
}

/**
 * Unattended setup (docs/accounts.md): with STUDIO_ADMIN_EMAIL and STUDIO_ADMIN_PASSWORD set and no admin
 * yet, that admin is created once. It never touches an existing account: the environment must not
 * become a way to take one over (the previous system's flaw).
 */
export async function provisionAdminFromEnv(deps: ProvisioningDeps, env: NodeJS.ProcessEnv): Promise<'created' | 'skipped'> {
  const rawEmail = env.STUDIO_ADMIN_EMAIL;
  const password = env.STUDIO_ADMIN_PASSWORD;
  if (!rawEmail && !password) return 'skipped';
  if (!rawEmail || !password) {
    deps.logger.warn('admin provisioning skipped: set both STUDIO_ADMIN_EMAIL and STUDIO_ADMIN_PASSWORD');
    return 'skipped';
  }
  const email = normalizeEmail(rawEmail);
  if (!isPlausibleEmail(email)) {
    deps.logger.warn('admin provisioning skipped: STUDIO_ADMIN_EMAIL is not an email address');
    return 'skipped';
  }
  if (adminExists(deps) || findAccountByEmail(deps.db, email)) return 'skipped';
  try {
    deps.passwords.assertAcceptable(password, email);
  } catch (error) {
    // the rule, never the password
    deps.logger.warn('admin provisioning skipped: STUDIO_ADMIN_PASSWORD is not acceptable', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return 'skipped';
  }
  const passwordHash = await deps.passwords.hash(password);
  return withWriteTx(deps.db, () => {
    // checked again: another start (or first-run setup) may have won while we hashed
    if (adminExists(deps) || findAccountByEmail(deps.db, email)) return 'skipped' as const;
    const row = createAccount(deps, { email, role: 'admin', passwordHash, createdBy: null }, deps.settings.get('defaultQuotas'));
    audit(deps, AUDIT_ACTIONS.adminProvisioned, null, person(row), { source: 'environment' });
    deps.logger.info('admin provisioned from the environment', { email });
    return 'created' as const;
  });
}

function adminExists(deps: AccountDeps): boolean {
  return deps.db.select({ id: user.id }).from(user).where(eq(user.role, 'admin')).limit(1).get() !== undefined;
}

/**
 * `--reset-admin <email>` (docs/accounts.md recovery): a fresh setup code for an existing admin, for when
 * every admin is locked out. Whoever runs it already has the workstation's OS account, so it also
 * lifts a lockout and a deactivation; the old password stops working and sessions end.
 */
export function resetAdmin(deps: ProvisioningDeps, rawEmail: string): { code: string; expiresAt: number } {
  const email = normalizeEmail(rawEmail);
  const account = findAccountByEmail(deps.db, email);
  if (!account) throw new StudioError('NOT_FOUND', `No account with the email ${email}.`);
  if (account.role !== 'admin') throw new StudioError('FORBIDDEN', `${email} is not an admin; only admins can be recovered this way.`);
  const issued = withWriteTx(deps.db, () => {
    const now = deps.clock.now();
    const code = issueSetupCode(deps.db, account.id, null, now);
    deps.db
      .update(user)
      .set({ ...CLEARED_THROTTLE, passwordHash: null, isActive: true, passwordChangedAt: now, updatedAt: now })
      .where(eq(user.id, account.id))
      .run();
    audit(deps, AUDIT_ACTIONS.setupCodeIssued, null, person(account), {
      via: 'command-line recovery',
      expiresAt: code.expiresAt,
      reactivated: !account.isActive,
    });
    return code;
  });
  deps.sessions.endForUser(account.id, 'password-changed');
  return issued;
}
