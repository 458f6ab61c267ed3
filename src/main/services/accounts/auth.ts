import { eq } from 'drizzle-orm';
import type { Me, Theme } from '../../../shared/contract/routes/auth';
import { StudioError } from '../../../shared/contract/errors';
import { AUDIT_ACTIONS } from '../../../shared/domain/audit';
import { user } from '../../db/schema';
import type { Actor, Caller } from '../../identity';
import {
  type AccountDeps,
  type AccountRow,
  audit,
  createAccount,
  findAccount,
  findAccountByEmail,
  person,
  saveThrottle,
  throttleOf,
} from './accounts';
import { KeyedQueue } from './keyedQueue';
import { CLEARED_THROTTLE, FAILURE_WINDOW_MS, PhantomThrottle, afterFailure, lockedUntil } from './lockout';
import type { PasswordService } from './passwords';
import { consumeSetupCode, findSetupCode } from './setupCodes';
import { ABSOLUTE_SESSION_MS, type SessionStore } from './sessions';
import type { SettingsStore } from '../settings/settings';
import { recordRepeatedAudit } from '../audit/auditRecord';
import { withWriteTx } from '../../db/tx';

export interface AuthDeps extends AccountDeps {
  sessions: SessionStore;
  settings: SettingsStore;
  passwords: PasswordService;
}

/** One message for an unknown email and a wrong password (docs/accounts.md), so neither is revealed. */
const INVALID_CREDENTIALS = 'Email or password is incorrect.';
const CODE_INVALID = 'This setup code does not match this email. Check both, or ask your admin for a new code.';
const CODE_SPENT = 'This setup code has expired or was already used. Ask your admin for a new code.';
const DEACTIVATED = 'This account is deactivated. Ask your admin to reactivate it.';

/**
 * Signing in and out, first-run setup, setup-code redemption and password changes. A success binds
 * a session to the caller's transport: identity never comes from the request.
 */
export class AuthService {
  private readonly attempts = new KeyedQueue();
  private readonly phantom = new PhantomThrottle();

  constructor(private readonly deps: AuthDeps) {}

  async setupFirstAdmin(caller: Caller, email: string, password: string): Promise<Me> {
    const { db, passwords, settings } = this.deps;
    passwords.assertAcceptable(password, email);
    const passwordHash = await passwords.hash(password);
    const account = withWriteTx(db, () => {
      // Two windows racing through first run: the router let both in, only one may create the admin.
      if (db.select({ id: user.id }).from(user).limit(1).get()) {
        throw new StudioError('FORBIDDEN', 'Setup is already complete. Sign in instead.');
      }
      const row = createAccount(this.deps, { email, role: 'admin', passwordHash, createdBy: null }, settings.get('defaultQuotas'));
      db.update(user).set({ lastLoginAt: this.deps.clock.now() }).where(eq(user.id, row.id)).run();
      audit(this.deps, AUDIT_ACTIONS.firstAdminCreated, person(row), person(row));
      settings.set('setupChecklistFor', [row.id], row.id);
      return row;
    });
    return this.signIn(caller, account.id);
  }

  login(caller: Caller, email: string, password: string): Promise<Me> {
    this.refuseIfSignedIn(caller);
    return this.attempts.run(email, async () => {
      const { db, passwords, clock } = this.deps;
      const account = findAccountByEmail(db, email);
      if (!account) {
        await this.failUnknown(email, () => passwords.verify(password, null));
        throw new StudioError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
      }
      this.refuseIfLocked(account, 'login');
      if (!(await passwords.verify(password, account.passwordHash))) {
        this.recordFailure(account, 'wrong-password');
        throw new StudioError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
      }
      if (!account.isActive) {
        // The password was right, so saying why is safe and saves a confused call to the admin.
        withWriteTx(db, () => audit(this.deps, AUDIT_ACTIONS.loginFailed, person(account), person(account), { reason: 'inactive' }));
        throw new StudioError('FORBIDDEN', DEACTIVATED);
      }
      const rehashed = passwords.needsRehash(account.passwordHash as string) ? await passwords.hash(password) : null;
      withWriteTx(db, () => {
        // bcrypt ran outside the transaction: if the password was reset or changed, or the account
        // deactivated, meanwhile, the password just verified is no longer the account's
        const current = findAccount(db, account.id);
        if (!current || current.passwordHash !== account.passwordHash || !current.isActive) {
          throw new StudioError('INVALID_CREDENTIALS', INVALID_CREDENTIALS);
        }
        const now = clock.now();
        saveThrottle(db, account.id, CLEARED_THROTTLE, now);
        db.update(user).set({ lastLoginAt: now }).where(eq(user.id, account.id)).run();
        if (rehashed) db.update(user).set({ passwordHash: rehashed }).where(eq(user.id, account.id)).run();
        audit(this.deps, AUDIT_ACTIONS.loginSucceeded, person(account), person(account), rehashed ? { rehashedToCost: passwords.cost } : undefined);
      });
      return this.signIn(caller, account.id);
    });
  }

  redeemCode(caller: Caller, email: string, code: string, password: string): Promise<Me> {
    this.refuseIfSignedIn(caller);
    return this.attempts.run(email, async () => {
      const { db, passwords, clock, sessions } = this.deps;
      passwords.assertAcceptable(password, email);
      const account = findAccountByEmail(db, email);
      if (!account) {
        await this.failUnknown(email, async () => undefined);
        throw new StudioError('SETUP_CODE_INVALID', CODE_INVALID);
      }
      const found = findSetupCode(db, account.id, code, clock.now());
      // The code `--reset-admin` printed opens its admin's account even when someone has locked it
      // again meanwhile with wrong guesses: whoever ran it has the workstation's OS account, and the
      // code's ~59 random bits cannot be guessed, so letting it through gives a guesser nothing.
      const recovery = found?.state === 'valid' && found.issuedBy === null && account.role === 'admin';
      if (!recovery) this.refuseIfLocked(account, 'redeem');
      if (!found) {
        this.recordFailure(account, 'wrong-setup-code');
        throw new StudioError('SETUP_CODE_INVALID', CODE_INVALID);
      }
      if (found.state !== 'valid') throw new StudioError('SETUP_CODE_INVALID', CODE_SPENT);
      if (!account.isActive) throw new StudioError('FORBIDDEN', DEACTIVATED);
      const passwordHash = await passwords.hash(password);
      withWriteTx(db, () => {
        const now = clock.now();
        // deactivated while the new password was being hashed: no sign-in
        if (!findAccount(db, account.id)?.isActive) throw new StudioError('FORBIDDEN', DEACTIVATED);
        // single use even when two windows redeem the same code at once: only one update wins
        if (!consumeSetupCode(db, found.id, now)) throw new StudioError('SETUP_CODE_INVALID', CODE_SPENT);
        saveThrottle(db, account.id, CLEARED_THROTTLE, now);
        db.update(user).set({ passwordHash, passwordChangedAt: now, lastLoginAt: now, updatedAt: now }).where(eq(user.id, account.id)).run();
        audit(this.deps, AUDIT_ACTIONS.setupCodeRedeemed, person(account), person(account));
      });
      sessions.endForUser(account.id, 'password-changed');
      return this.signIn(caller, account.id);
    });
  }

  logout(caller: Caller, actor: { userId: string; email: string }): void {
    withWriteTx(this.deps.db, () =>
      audit(this.deps, AUDIT_ACTIONS.logout, { id: actor.userId, email: actor.email }, { id: actor.userId, email: actor.email }),
    );
    this.deps.sessions.end(caller.transportId, 'logout');
  }

  /**
   * Needs the current password; ends the account's other sessions (a thief signed in elsewhere is
   * out) and keeps this one. A wrong current password counts toward the lockout like a sign-in.
   */
  changePassword(actor: { userId: string; email: string; sessionId: string }, currentPassword: string, newPassword: string): Promise<number> {
    return this.attempts.run(actor.email, async () => {
      const { db, passwords, clock, sessions } = this.deps;
      passwords.assertAcceptable(newPassword, actor.email);
      const account = findAccount(db, actor.userId);
      if (!account) throw new StudioError('UNAUTHENTICATED', 'Please sign in.');
      this.refuseIfLocked(account, 'change-password');
      if (!(await passwords.verify(currentPassword, account.passwordHash))) {
        this.recordFailure(account, 'wrong-current-password');
        throw new StudioError('INVALID_CREDENTIALS', 'Your current password is incorrect.');
      }
      if (newPassword === currentPassword) throw new StudioError('PASSWORD_REJECTED', 'Choose a password different from your current one.');
      const passwordHash = await passwords.hash(newPassword);
      withWriteTx(db, () => {
        const now = clock.now();
        const current = findAccount(db, account.id);
        if (current?.passwordHash !== account.passwordHash) throw new StudioError('CONFLICT', 'Your password was changed meanwhile. Sign in again.');
        db.update(user).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(user.id, account.id)).run();
        audit(this.deps, AUDIT_ACTIONS.passwordChanged, person(account), person(account));
      });
      const others = sessions.transportsOf(account.id).length - 1;
      sessions.endForUser(account.id, 'password-changed', { exceptSessionId: actor.sessionId });
      return Math.max(0, others);
    });
  }

  me(caller: Caller, userId: string): Me {
    const account = findAccount(this.deps.db, userId);
    const session = this.deps.sessions.current(caller.transportId);
    if (!account || !session) throw new StudioError('UNAUTHENTICATED', 'Please sign in.');
    return {
      userId: account.id,
      email: account.email,
      role: account.role,
      createdAt: account.createdAt,
      lastLoginAt: account.lastLoginAt,
      passwordChangedAt: account.passwordChangedAt,
      idleTimeoutMinutes: this.deps.settings.get('idleTimeoutMinutes'),
      sessionStartedAt: session.createdAt,
      sessionExpiresAt: session.createdAt + ABSOLUTE_SESSION_MS,
      theme: account.theme === 'light' || account.theme === 'dark' ? account.theme : 'system',
      setupChecklist: account.role === 'admin' && this.deps.settings.get('setupChecklistFor').includes(account.id),
    };
  }

  /** The person's own theme; 'system' is stored as null (follow the computer). */
  setTheme(caller: Caller, actor: Actor, theme: Theme): Me {
    const { db, clock } = this.deps;
    withWriteTx(db, () =>
      db
        .update(user)
        .set({ theme: theme === 'system' ? null : theme, updatedAt: clock.now() })
        .where(eq(user.id, actor.userId))
        .run(),
    );
    return this.me(caller, actor.userId);
  }

  dismissSetupChecklist(caller: Caller, actor: Actor): Me {
    const { db, settings } = this.deps;
    withWriteTx(db, () => {
      const left = settings.get('setupChecklistFor').filter((id) => id !== actor.userId);
      settings.set('setupChecklistFor', left, actor.userId);
    });
    return this.me(caller, actor.userId);
  }

  private signIn(caller: Caller, userId: string): Me {
    this.deps.sessions.bind(caller.transportId, userId);
    return this.me(caller, userId);
  }

  /**
   * A window that is signed in must sign out first: re-binding would end its session and send it
   * `session.ended` in the middle of its own sign-in.
   */
  private refuseIfSignedIn(caller: Caller): void {
    if (this.deps.sessions.current(caller.transportId)) throw new StudioError('CONFLICT', 'You are already signed in. Sign out first.');
  }

  private refuseIfLocked(account: AccountRow, during: string): void {
    const until = lockedUntil(throttleOf(account), this.deps.clock.now());
    if (until === null) return;
    withWriteTx(this.deps.db, () => this.auditFailure(person(account), person(account), { reason: 'locked', during }));
    throw this.lockedError(until);
  }

  /** Counts a failure against the account; the fifth in 15 minutes locks it and says until when. */
  private recordFailure(account: AccountRow, reason: string): void {
    const { db, clock } = this.deps;
    const lockedNowUntil = withWriteTx(db, () => {
      const now = clock.now();
      const fresh = findAccount(db, account.id);
      if (!fresh) return null;
      const next = afterFailure(throttleOf(fresh), now);
      saveThrottle(db, account.id, next.state, now);
      this.auditFailure(null, person(account), { reason });
      if (next.lockedNowUntil !== null) {
        audit(this.deps, AUDIT_ACTIONS.lockout, null, person(account), {
          lockedUntil: next.lockedNowUntil,
          lockoutCount: next.state.lockoutCount,
        });
      }
      return next.lockedNowUntil;
    });
    if (lockedNowUntil !== null) throw this.lockedError(lockedNowUntil);
  }

  /** Unknown emails get the same work and the same throttle as real ones, kept in memory. */
  private async failUnknown(email: string, work: () => Promise<unknown>): Promise<void> {
    const { clock, db } = this.deps;
    const until = this.phantom.lockedUntil(email, clock.now());
    if (until !== null) throw this.lockedError(until);
    await work();
    // no email in the record: people type passwords into the email field
    withWriteTx(db, () => this.auditFailure(null, null, { reason: 'unknown-account' }));
    const lockedNowUntil = this.phantom.fail(email, clock.now());
    if (lockedNowUntil !== null) throw this.lockedError(lockedNowUntil);
  }

  /**
   * A failed attempt's audit entry: a run of the same failure against the same account (a guesser
   * hammering it) is one entry whose count goes up, not a row per attempt.
   */
  private auditFailure(
    actor: { id: string; email: string } | null,
    target: { id: string; email: string } | null,
    details: { reason: string; during?: string },
  ): void {
    recordRepeatedAudit(
      this.deps.db,
      { action: AUDIT_ACTIONS.loginFailed, actor, target, details, workstation: this.deps.workstation(), at: this.deps.clock.now() },
      FAILURE_WINDOW_MS,
    );
  }

  private lockedError(until: number): StudioError {
    const at = new Date(Math.ceil(until / 60_000) * 60_000);
    const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: this.deps.clock.timeZone }).format(at);
    return new StudioError(
      'ACCOUNT_LOCKED',
      `Too many failed attempts. This account is locked until ${time}; try again then, or ask your admin to unlock it.`,
      {
        lockedUntil: until,
      },
    );
  }
}
