import { and, count, eq } from 'drizzle-orm';
import type { UserSummary } from '../../../shared/contract/routes/users';
import { StudioError } from '../../../shared/contract/errors';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import { userManager } from '../../db/schema';
import type { Actor } from '../../identity';
import { type AccountDeps, type AccountRow, audit, findAccount, findAccountByEmail, person, summarizeOne } from './accounts';
import { manages } from './scope';
import { withWriteTx } from '../../db/tx';

/**
 * Sharing is the only way an admin gains an account (docs/accounts.md), and only an admin who already
 * manages it can share or unshare it.
 */
function requireManager(deps: AccountDeps, actor: Actor, userId: string): AccountRow {
  if (!manages(deps.db, actor.userId, userId)) throw new StudioError('FORBIDDEN', 'Only an admin who manages this account can share it.');
  return findAccount(deps.db, userId) as AccountRow;
}

function findAdmin(deps: AccountDeps, email: string): AccountRow {
  const admin = findAccountByEmail(deps.db, email);
  if (!admin || admin.role !== 'admin') throw new StudioError('NOT_FOUND', `No admin account has the email ${email}.`);
  return admin;
}

export function shareUser(deps: AccountDeps, actor: Actor, userId: string, adminEmail: string): UserSummary {
  const { db, clock } = deps;
  const target = requireManager(deps, actor, userId);
  const admin = findAdmin(deps, adminEmail);
  if (admin.id === userId) throw new StudioError('CONFLICT', 'An account cannot manage itself.');
  if (!admin.isActive) throw new StudioError('CONFLICT', `${admin.email} is deactivated.`);
  withWriteTx(db, () => {
    const now = clock.now();
    const inserted = db
      .insert(userManager)
      .values({ adminId: admin.id, userId, createdAt: now, grantedBy: actor.userId })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 1) audit(deps, AUDIT_ACTIONS.share, { id: actor.userId, email: actor.email }, person(target), { admin: person(admin) });
  });
  return summarizeOne(db, userId, actor.userId, clock.now());
}

export function unshareUser(deps: AccountDeps, actor: Actor, userId: string, adminEmail: string): UserSummary {
  const { db, clock } = deps;
  const target = requireManager(deps, actor, userId);
  const admin = findAdmin(deps, adminEmail);
  withWriteTx(db, () => {
    if (!manages(db, admin.id, userId)) throw new StudioError('NOT_FOUND', `${admin.email} does not manage this account.`);
    const managers = db.select({ n: count() }).from(userManager).where(eq(userManager.userId, userId)).get()?.n ?? 0;
    if (managers <= 1) throw new StudioError('CONFLICT', 'An account must keep at least one managing admin.');
    db.delete(userManager)
      .where(and(eq(userManager.adminId, admin.id), eq(userManager.userId, userId)))
      .run();
    audit(deps, AUDIT_ACTIONS.unshare, { id: actor.userId, email: actor.email }, person(target), { admin: person(admin) });
  });
  // an admin who unshared themselves no longer sees the account: answer with what they may see
  return summarizeOne(db, userId, actor.userId, clock.now());
}
