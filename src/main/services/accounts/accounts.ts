import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { UserSummary } from '../../../shared/contract/routes/users';
import type { AccountStatus, Role } from '../../../shared/domain/accounts';
import { QUOTA_KINDS, type QuotaPolicies } from '../../../shared/domain/quotas';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { quotaPolicy, user, userManager } from '../../db/schema';
import { recordAudit } from '../audit/auditRecord';
import type { ThrottleState } from './lockout';

/** What account code needs from the core. */
export interface AccountDeps {
  db: Db;
  clock: Clock;
  workstation: () => WorkstationIdentity;
}

export type AccountRow = typeof user.$inferSelect;
export type Person = { id: string; email: string };

export function findAccountByEmail(db: Db, email: string): AccountRow | undefined {
  return db.select().from(user).where(eq(user.email, email)).get();
}

export function findAccount(db: Db, id: string): AccountRow | undefined {
  return db.select().from(user).where(eq(user.id, id)).get();
}

export function person(row: Pick<AccountRow, 'id' | 'email'>): Person {
  return { id: row.id, email: row.email };
}

/** Appends to the audit log at the current time and workstation; call inside the change's transaction. */
export function audit(deps: AccountDeps, action: string, actor: Person | null, target: Person | null, details?: Record<string, unknown>): void {
  recordAudit(deps.db, { action, actor, target, details, workstation: deps.workstation(), at: deps.clock.now() });
}

/**
 * Writes a new account with its quota policies (the given ones over the default policy), so the
 * quota work finds explicit rows; the inviting admin, when there is one, manages it. Inside a
 * transaction.
 */
export function createAccount(
  deps: AccountDeps,
  account: { email: string; role: Role; passwordHash: string | null; createdBy: string | null },
  policies: Required<QuotaPolicies>,
): AccountRow {
  const now = deps.clock.now();
  const row = {
    id: randomUUID(),
    email: account.email,
    role: account.role,
    passwordHash: account.passwordHash,
    isActive: true,
    createdAt: now,
    createdBy: account.createdBy,
    updatedAt: now,
    passwordChangedAt: account.passwordHash ? now : null,
  };
  deps.db.insert(user).values(row).run();
  for (const kind of QUOTA_KINDS) {
    deps.db.insert(quotaPolicy).values({ userId: row.id, kind, period: policies[kind].period, limit: policies[kind].limit, updatedAt: now }).run();
  }
  if (account.createdBy)
    deps.db.insert(userManager).values({ adminId: account.createdBy, userId: row.id, createdAt: now, grantedBy: account.createdBy }).run();
  return findAccount(deps.db, row.id) as AccountRow;
}

export function throttleOf(row: AccountRow): ThrottleState {
  return {
    failedLoginCount: row.failedLoginCount,
    failedWindowStartedAt: row.failedWindowStartedAt,
    lockedUntil: row.lockedUntil,
    lockoutCount: row.lockoutCount,
  };
}

export function saveThrottle(db: Db, userId: string, state: ThrottleState, now: number): void {
  db.update(user)
    .set({ ...state, updatedAt: now })
    .where(eq(user.id, userId))
    .run();
}

export function accountStatus(row: Pick<AccountRow, 'isActive' | 'passwordHash' | 'lockedUntil'>, now: number): AccountStatus {
  if (!row.isActive) return 'inactive';
  if (row.passwordHash === null) return 'awaiting-setup';
  if (row.lockedUntil !== null && row.lockedUntil > now) return 'locked';
  return 'active';
}

/**
 * Admins who can still administer: active, with a password (an admin awaiting setup cannot sign
 * in). Locked admins count: a lockout ends by itself. `except` leaves the account being changed out.
 */
export function activeAdminCount(db: Db, except?: string): number {
  const conditions = [eq(user.role, 'admin'), eq(user.isActive, true), isNotNull(user.passwordHash)];
  if (except) conditions.push(ne(user.id, except));
  return (
    db
      .select({ n: count() })
      .from(user)
      .where(and(...conditions))
      .get()?.n ?? 0
  );
}

export function isActiveAdmin(row: AccountRow): boolean {
  return row.role === 'admin' && row.isActive && row.passwordHash !== null;
}

/**
 * An admin who is demoted or deleted stops managing anyone; the admin making the change takes
 * over only the users who would otherwise have no managing admin (docs/accounts.md). A user another admin
 * still manages is not handed over: demoting an admin must not be a way to gain their users.
 */
export function handOverManagedUsers(db: Db, fromAdminId: string, toAdminId: string, now: number): number {
  const managed = db.select({ userId: userManager.userId }).from(userManager).where(eq(userManager.adminId, fromAdminId)).all();
  let handedOver = 0;
  for (const { userId } of managed) {
    if (userId === toAdminId) continue; // the new manager never manages itself
    const otherManager = db
      .select({ adminId: userManager.adminId })
      .from(userManager)
      .where(and(eq(userManager.userId, userId), ne(userManager.adminId, fromAdminId)))
      .get();
    if (otherManager) continue;
    const inserted = db.insert(userManager).values({ adminId: toAdminId, userId, createdAt: now, grantedBy: toAdminId }).onConflictDoNothing().run();
    handedOver += inserted.changes;
  }
  db.delete(userManager).where(eq(userManager.adminId, fromAdminId)).run();
  return handedOver;
}

/** Turns account rows into what admins see, with each account's managing admins. */
export function summarize(db: Db, rows: AccountRow[], actorId: string, now: number): UserSummary[] {
  const ids = rows.map((r) => r.id);
  const managers = ids.length
    ? db
        .select({ userId: userManager.userId, id: user.id, email: user.email })
        .from(userManager)
        .innerJoin(user, eq(user.id, userManager.adminId))
        .where(inArray(userManager.userId, ids))
        .orderBy(user.email)
        .all()
    : [];
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    status: accountStatus(row, now),
    isActive: row.isActive,
    awaitingSetup: row.passwordHash === null,
    lockedUntil: row.lockedUntil !== null && row.lockedUntil > now ? row.lockedUntil : null,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
    managers: managers.filter((m) => m.userId === row.id).map((m) => ({ id: m.id, email: m.email })),
    isSelf: row.id === actorId,
  }));
}

export function summarizeOne(db: Db, id: string, actorId: string, now: number): UserSummary {
  const row = findAccount(db, id);
  if (!row) throw new Error(`account ${id} vanished`);
  return summarize(db, [row], actorId, now)[0] as UserSummary;
}
