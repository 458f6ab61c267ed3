import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { GOOD_PASSWORD, OTHER_PASSWORD, captureEvents, data, failure, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

const MINUTE = 60_000;

async function adminAndUser() {
  t = await startTestCore();
  const admin = await setupFirstAdmin(t);
  const user = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
  return { admin, user };
}

describe('session expiry', () => {
  it('ends a session after 15 minutes without a request, and tells the window why', async () => {
    const { user } = await adminAndUser();
    const events = captureEvents(t, user.transport);
    t.clock.advance(15 * MINUTE - 1);
    t.core.sweepSessions();
    expect(events).toEqual([]);
    t.clock.advance(1);
    t.core.sweepSessions();
    expect(events).toEqual([{ event: 'session.ended', payload: { reason: 'idle' } }]);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
  });

  it('keeps a session alive while the person is active (the heartbeat is auth.me)', async () => {
    const { user } = await adminAndUser();
    for (let i = 0; i < 6; i++) {
      t.clock.advance(10 * MINUTE);
      data(await t.call(user.transport, 'auth.me'));
    }
    expect(data(await t.call(user.transport, 'app.status'))).toMatchObject({ signedIn: true });
  });

  it('ends a session 8 hours after sign-in however active it was', async () => {
    const { user } = await adminAndUser();
    const me = data(await t.call(user.transport, 'auth.me'));
    expect(me.sessionExpiresAt).toBe(t.clock.now() + 8 * 60 * MINUTE);
    const events = captureEvents(t, user.transport);
    for (let i = 0; i < 8 * 6 - 1; i++) {
      t.clock.advance(10 * MINUTE);
      data(await t.call(user.transport, 'auth.me'));
    }
    t.clock.advance(10 * MINUTE);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
    expect(events).toEqual([{ event: 'session.ended', payload: { reason: 'expired' } }]);
  });

  it('uses the idle timeout setting in force', async () => {
    const { user } = await adminAndUser();
    t.core.services.settings.set('idleTimeoutMinutes', 5, null);
    expect(data(await t.call(user.transport, 'auth.me'))).toMatchObject({ idleTimeoutMinutes: 5 });
    t.clock.advance(5 * MINUTE);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
  });

  it('ends every session when the OS locks the screen or suspends', async () => {
    const { admin, user } = await adminAndUser();
    const adminEvents = captureEvents(t, admin.transport);
    t.core.endAllSessions('os-lock');
    expect(adminEvents).toEqual([{ event: 'session.ended', payload: { reason: 'os-lock' } }]);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
  });

  it('signs out on logout, and only that window', async () => {
    const { admin, user } = await adminAndUser();
    const events = captureEvents(t, user.transport);
    const adminEvents = captureEvents(t, admin.transport);
    data(await t.call(user.transport, 'auth.logout'));
    expect(events).toEqual([{ event: 'session.ended', payload: { reason: 'logout' } }]);
    expect(adminEvents).toEqual([]);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
    data(await t.call(admin.transport, 'auth.me'));
  });
});

describe('sessions end when the account changes', () => {
  it('ends a deactivated user’s live session at once, and its next request fails', async () => {
    const { admin, user } = await adminAndUser();
    const events = captureEvents(t, user.transport);
    data(await t.call(admin.transport, 'users.update', { userId: user.userId, isActive: false }));
    expect(events).toEqual([{ event: 'session.ended', payload: { reason: 'deactivated' } }]);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
  });

  it('fails the next request of an account deactivated behind the session’s back', async () => {
    const { user } = await adminAndUser();
    t.core.services.db.$client.prepare('UPDATE user SET is_active = 0 WHERE id = ?').run(user.userId);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
    expect(data(await t.call(user.transport, 'app.status'))).toMatchObject({ signedIn: false });
  });

  it('ends the other sessions of an account whose password changes, and keeps the current one', async () => {
    const { user } = await adminAndUser();
    data(await t.call('kim-laptop', 'auth.login', { email: user.email, password: GOOD_PASSWORD }));
    const elsewhere = captureEvents(t, 'kim-laptop');
    const result = data(await t.call(user.transport, 'auth.change_password', { currentPassword: GOOD_PASSWORD, newPassword: OTHER_PASSWORD }));
    expect(result).toEqual({ changed: true, endedOtherSessions: 1 });
    expect(elsewhere).toEqual([{ event: 'session.ended', payload: { reason: 'password-changed' } }]);
    expect(failure(await t.call('kim-laptop', 'auth.me')).code).toBe('UNAUTHENTICATED');
    data(await t.call(user.transport, 'auth.me'));
    data(await t.call(user.transport, 'auth.logout'));
    expect(failure(await t.call('w', 'auth.login', { email: user.email, password: GOOD_PASSWORD })).code).toBe('INVALID_CREDENTIALS');
    data(await t.call('w', 'auth.login', { email: user.email, password: OTHER_PASSWORD }));
  });

  it('needs the current password to change it, and counts a wrong one toward the lockout', async () => {
    const { user } = await adminAndUser();
    for (let i = 0; i < 4; i++) {
      const error = failure(await t.call(user.transport, 'auth.change_password', { currentPassword: 'guess-number-x', newPassword: OTHER_PASSWORD }));
      expect(error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Your current password is incorrect.' });
    }
    expect(
      failure(await t.call(user.transport, 'auth.change_password', { currentPassword: 'guess-number-x', newPassword: OTHER_PASSWORD })).code,
    ).toBe('ACCOUNT_LOCKED');
  });

  it('applies the password rules to the new password', async () => {
    const { user } = await adminAndUser();
    const cases: [string, RegExp][] = [
      ['short', /at least 10/],
      ['🙂'.repeat(19), /76 bytes/],
      ['qwertyuiop', /most common/],
      [GOOD_PASSWORD, /different from your current/],
    ];
    for (const [newPassword, message] of cases) {
      const error = failure(await t.call(user.transport, 'auth.change_password', { currentPassword: GOOD_PASSWORD, newPassword }));
      expect(error.code).toBe('PASSWORD_REJECTED');
      expect(error.message).toMatch(message);
    }
  });

  it('ends every session of an account whose password an admin resets', async () => {
    const { admin, user } = await adminAndUser();
    const events = captureEvents(t, user.transport);
    data(await t.call(admin.transport, 'users.reset_password', { userId: user.userId }));
    expect(events).toEqual([{ event: 'session.ended', payload: { reason: 'password-changed' } }]);
    expect(failure(await t.call('w', 'auth.login', { email: user.email, password: GOOD_PASSWORD })).code).toBe('INVALID_CREDENTIALS');
  });

  it('ends the session of a deleted account at once', async () => {
    const { admin, user } = await adminAndUser();
    const events = captureEvents(t, user.transport);
    data(await t.call(admin.transport, 'users.delete', { userId: user.userId, media: 'delete' }));
    expect(events).toEqual([{ event: 'session.ended', payload: { reason: 'deleted' } }]);
    expect(failure(await t.call(user.transport, 'auth.me')).code).toBe('UNAUTHENTICATED');
  });

  it('takes identity only from the transport: a user id smuggled into the input is refused', async () => {
    const { admin, user } = await adminAndUser();
    const smuggled = failure(
      await t.raw(user.transport, 'auth.change_password', { currentPassword: GOOD_PASSWORD, newPassword: OTHER_PASSWORD, userId: admin.userId }),
    );
    expect(smuggled.code).toBe('VALIDATION_FAILED');
    expect(failure(await t.raw(user.transport, 'auth.logout', { userId: admin.userId })).code).toBe('VALIDATION_FAILED');
    data(await t.call(admin.transport, 'auth.me'));
  });
});
