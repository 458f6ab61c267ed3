import { eq } from 'drizzle-orm';
import type { UserSummary } from '../../../shared/contract/routes/users';
import { StudioError } from '../../../shared/contract/errors';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import { user } from '../../db/schema';
import type { Actor } from '../../identity';
import {
  type AccountDeps,
  type AccountRow,
  activeAdminCount,
  audit,
  findAccount,
  handOverManagedUsers,
  isActiveAdmin,
  person,
  summarizeOne,
} from './accounts';
import { CLEARED_THROTTLE } from './lockout';
import { canAccessUser, manages } from './scope';
import type { SessionStore } from './sessions';
import { issueSetupCode } from './setupCodes';
import { disposeUserMedia } from './userMedia';
import { withWriteTx } from '../../db/tx';

export interface UserAdminDeps extends AccountDeps {
  sessions: SessionStore;
}

const NOT_MANAGED = 'You do not manage this account.';
const LAST_ADMIN = 'This is the last active admin: promote or invite another admin first.';

/** Acting on another account needs a managing relation (docs/accounts.md); an unknown id gets the same answer. */
function requireManaged(deps: AccountDeps, actor: Actor, userId: string): void {
  if (!manages(deps.db, actor.userId, userId)) throw new StudioError('FORBIDDEN', NOT_MANAGED);
}

/** The last active admin can never be removed, demoted or deactivated (docs/accounts.md). */
function refuseIfLastAdmin(deps: AccountDeps, row: AccountRow): void {
  if (isActiveAdmin(row) && activeAdminCount(deps.db, row.id) === 0) throw new StudioError('CONFLICT', LAST_ADMIN);
}

function self(deps: AccountDeps, actor: Actor): AccountRow {
  const row = findAccount(deps.db, actor.userId);
  if (!row) throw new StudioError('UNAUTHENTICATED', 'Please sign in.');
  return row;
}

/** `users.update`: deactivate / reactivate, promote / demote. */
export function updateUser(deps: UserAdminDeps, actor: Actor, input: ParsedInput<'users.update'>): UserSummary {
  const { db, clock, sessions } = deps;
  if (input.userId === actor.userId) {
    const removesAdmin = input.isActive === false || input.role === 'user';
    if (removesAdmin) refuseIfLastAdmin(deps, self(deps, actor));
    // Nobody could undo it: an admin is not managed by themselves.
    throw new StudioError('FORBIDDEN', 'You cannot change your own role or status. Ask another admin who manages your account.');
  }
  requireManaged(deps, actor, input.userId);
  const deactivated = withWriteTx(db, () => {
    const now = clock.now();
    const row = findAccount(db, input.userId) as AccountRow;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.isActive !== undefined && input.isActive !== row.isActive) changes.isActive = { from: row.isActive, to: input.isActive };
    if (input.role !== undefined && input.role !== row.role) changes.role = { from: row.role, to: input.role };
    if (Object.keys(changes).length === 0) return false;
    if (input.isActive === false || input.role === 'user') refuseIfLastAdmin(deps, row);
    const details: Record<string, unknown> = { changes };
    if (changes.role && input.role === 'user') details.handedOverUsers = handOverManagedUsers(db, row.id, actor.userId, now);
    db.update(user)
      .set({ isActive: input.isActive ?? row.isActive, role: input.role ?? row.role, updatedAt: now })
      .where(eq(user.id, row.id))
      .run();
    audit(deps, AUDIT_ACTIONS.update, asPerson(actor), person(row), details);
    return changes.isActive !== undefined && input.isActive === false;
  });
  // at once, not on their next request: the window shows the sign-in screen now
  if (deactivated) sessions.endForUser(input.userId, 'deactivated');
  return summarizeOne(db, input.userId, actor.userId, clock.now());
}

/** `users.reset_password`: the old password stops working, every session ends, a new code is issued. */
export function resetUserPassword(deps: UserAdminDeps, actor: Actor, userId: string): RouteOutput<'users.reset_password'> {
  const { db, clock, sessions } = deps;
  if (userId === actor.userId) throw new StudioError('FORBIDDEN', 'To change your own password, use your profile.');
  requireManaged(deps, actor, userId);
  const result = withWriteTx(db, () => {
    const now = clock.now();
    const row = findAccount(db, userId) as AccountRow;
    refuseIfLastAdmin(deps, row);
    const issued = issueSetupCode(db, userId, actor.userId, now);
    // a reset also lifts a lockout, so the person can use the new code straight away
    db.update(user)
      .set({ ...CLEARED_THROTTLE, passwordHash: null, passwordChangedAt: now, updatedAt: now })
      .where(eq(user.id, userId))
      .run();
    audit(deps, AUDIT_ACTIONS.resetPassword, asPerson(actor), person(row));
    audit(deps, AUDIT_ACTIONS.setupCodeIssued, asPerson(actor), person(row), { expiresAt: issued.expiresAt, reason: 'reset' });
    return { userId, email: row.email, code: issued.code, expiresAt: issued.expiresAt };
  });
  sessions.endForUser(userId, 'password-changed');
  return result;
}

/** `users.unlock`: clears a lockout and its escalation. */
export function unlockUser(deps: UserAdminDeps, actor: Actor, userId: string): UserSummary {
  const { db, clock } = deps;
  if (!canAccessUser(db, actor, userId)) throw new StudioError('FORBIDDEN', NOT_MANAGED);
  withWriteTx(db, () => {
    const now = clock.now();
    const row = findAccount(db, userId) as AccountRow;
    db.update(user)
      .set({ ...CLEARED_THROTTLE, updatedAt: now })
      .where(eq(user.id, userId))
      .run();
    audit(deps, AUDIT_ACTIONS.unlock, asPerson(actor), person(row), { wasLockedUntil: row.lockedUntil });
  });
  return summarizeOne(db, userId, actor.userId, clock.now());
}

/**
 * `users.delete` (docs/accounts.md): the user's media is deleted or handed to the deleting admin, an admin's
 * managed users are handed over too, then the account goes with everything that cascades from it
 * (manager links, codes, quota policies and ledger). Audit entries keep ids and emails as text.
 */
export function deleteUser(
  deps: UserAdminDeps,
  actor: Actor,
  input: ParsedInput<'users.delete'>,
): RouteOutput<'users.delete'> & { filesToRemove: string[] } {
  const { db, clock, sessions } = deps;
  if (input.userId === actor.userId) {
    refuseIfLastAdmin(deps, self(deps, actor));
    throw new StudioError('FORBIDDEN', 'You cannot delete your own account. Ask another admin who manages it.');
  }
  requireManaged(deps, actor, input.userId);
  const result = withWriteTx(db, () => {
    const now = clock.now();
    const row = findAccount(db, input.userId) as AccountRow;
    refuseIfLastAdmin(deps, row);
    const disposed = disposeUserMedia(db, row.id, input.media, actor.userId);
    const handedOverUsers = row.role === 'admin' ? handOverManagedUsers(db, row.id, actor.userId, now) : 0;
    db.delete(user).where(eq(user.id, row.id)).run();
    audit(deps, AUDIT_ACTIONS.delete, asPerson(actor), person(row), {
      role: row.role,
      media: input.media,
      mediaCount: disposed.mediaCount,
      jobCount: disposed.jobCount,
      handedOverUsers,
    });
    return {
      userId: row.id,
      media: input.media,
      mediaCount: disposed.mediaCount,
      jobCount: disposed.jobCount,
      filesToRemove: disposed.filesToRemove,
    };
  });
  sessions.endForUser(input.userId, 'deleted');
  return result;
}

function asPerson(actor: Actor): { id: string; email: string } {
  return { id: actor.userId, email: actor.email };
}
