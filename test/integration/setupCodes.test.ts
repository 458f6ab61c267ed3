import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { GOOD_PASSWORD, auditActions, data, failure, invite, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

const HOUR = 60 * 60_000;
const SPENT = /expired or was already used\. Ask your admin for a new code/;

async function invited() {
  t = await startTestCore();
  const admin = await setupFirstAdmin(t);
  const { userId, code } = await invite(t, admin.transport, 'kim@lab.example');
  return { admin, userId, code, email: 'kim@lab.example' };
}

describe('redeeming a setup code', () => {
  it('sets the password and signs the invited person in', async () => {
    const { code, email, userId } = await invited();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const me = data(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }));
    expect(me).toMatchObject({ userId, email, role: 'user' });
    data(await t.call('kim', 'auth.logout'));
    data(await t.call('kim', 'auth.login', { email, password: GOOD_PASSWORD }));
    expect(await auditActions(t)).toEqual(expect.arrayContaining(['users.invite', 'setup_code.issued', 'setup_code.redeemed']));
  });

  it('accepts the code without dashes and in lower case', async () => {
    const { code } = await invited();
    data(await t.call('kim', 'auth.redeem_code', { email: ' KIM@lab.example', code: code.replace(/-/g, '').toLowerCase(), password: GOOD_PASSWORD }));
  });

  it('refuses a wrong code, and the same for an email without an account', async () => {
    const { code, email } = await invited();
    const wrongCode = failure(await t.call('x', 'auth.redeem_code', { email, code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD }));
    const wrongEmail = failure(await t.call('x', 'auth.redeem_code', { email: 'nobody@lab.example', code, password: GOOD_PASSWORD }));
    expect(wrongCode.code).toBe('SETUP_CODE_INVALID');
    expect(wrongEmail).toEqual(wrongCode);
  });

  it('refuses another account’s code: a code only works with its own email', async () => {
    const { admin, code } = await invited();
    await invite(t, admin.transport, 'lee@lab.example');
    expect(failure(await t.call('x', 'auth.redeem_code', { email: 'lee@lab.example', code, password: GOOD_PASSWORD })).code).toBe(
      'SETUP_CODE_INVALID',
    );
  });

  it('refuses a used code', async () => {
    const { code, email } = await invited();
    data(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }));
    const again = failure(await t.call('thief', 'auth.redeem_code', { email, code, password: 'stolen-account-1' }));
    expect(again).toMatchObject({ code: 'SETUP_CODE_INVALID', message: expect.stringMatching(SPENT) });
    expect(failure(await t.call('thief', 'auth.login', { email, password: 'stolen-account-1' })).code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a code after 72 hours', async () => {
    const { code, email } = await invited();
    t.clock.advance(72 * HOUR);
    expect(failure(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }))).toMatchObject({
      code: 'SETUP_CODE_INVALID',
      message: expect.stringMatching(SPENT),
    });
  });

  it('accepts a code just before its 72 hours are up', async () => {
    const { code, email } = await invited();
    t.clock.advance(72 * HOUR - 1);
    data(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }));
  });

  it('lets only one of two simultaneous redemptions of the same code win', async () => {
    const { code, email } = await invited();
    const [a, b] = await Promise.all([
      t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }),
      t.call('thief', 'auth.redeem_code', { email, code, password: 'stolen-account-1' }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  });

  it('invalidates the older code when a new one is issued', async () => {
    const { admin, code, email, userId } = await invited();
    const reset = data(await t.call(admin.transport, 'users.reset_password', { userId }));
    expect(failure(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD })).message).toMatch(SPENT);
    data(await t.call('kim', 'auth.redeem_code', { email, code: reset.code, password: GOOD_PASSWORD }));
  });

  it('keeps the code usable when the chosen password is refused', async () => {
    const { code, email } = await invited();
    expect(failure(await t.call('kim', 'auth.redeem_code', { email, code, password: 'iloveyou123' })).code).toBe('PASSWORD_REJECTED');
    data(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }));
  });

  it('locks code guessing after 5 wrong codes like password guessing', async () => {
    const { code, email } = await invited();
    for (let i = 0; i < 4; i++) await t.call('x', 'auth.redeem_code', { email, code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD });
    expect(failure(await t.call('x', 'auth.redeem_code', { email, code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    expect(failure(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses a deactivated account’s code without using it up', async () => {
    const { admin, code, email, userId } = await invited();
    data(await t.call(admin.transport, 'users.update', { userId, isActive: false }));
    expect(failure(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD })).code).toBe('FORBIDDEN');
    data(await t.call(admin.transport, 'users.update', { userId, isActive: true }));
    data(await t.call('kim', 'auth.redeem_code', { email, code, password: GOOD_PASSWORD }));
  });

  it('stores codes only as hashes', async () => {
    const { code } = await invited();
    const dump = JSON.stringify(t.core.services.db.$client.prepare('SELECT * FROM setup_code').all());
    expect(dump).not.toContain(code.replace(/-/g, ''));
    expect(JSON.stringify(t.core.services.db.$client.prepare('SELECT * FROM audit_entry').all())).not.toContain(code.replace(/-/g, ''));
  });
});

describe('admin recovery from the command line', () => {
  it('issues a fresh code for an admin who forgot their password, even when locked out', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    data(await t.call(admin.transport, 'auth.logout'));
    for (let i = 0; i < 5; i++) await t.call('w', 'auth.login', { email: admin.email, password: 'forgotten-it-1' });
    const { code, expiresAt } = await t.core.resetAdmin('ADMIN@lab.example');
    expect(expiresAt).toBe(t.clock.now() + 72 * HOUR);
    data(await t.call('w', 'auth.redeem_code', { email: admin.email, code, password: 'fresh-start-2026' }));
    expect(await auditActions(t)).toContain('setup_code.issued');
  });

  it('clears the lockout at once, and its code still opens the account when someone locks it again meanwhile', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    data(await t.call(admin.transport, 'auth.logout'));
    for (let i = 0; i < 5; i++) await t.call('attacker', 'auth.login', { email: admin.email, password: 'guess-number-1' });
    expect(failure(await t.call('attacker', 'auth.login', { email: admin.email, password: 'guess-number-1' })).code).toBe('ACCOUNT_LOCKED');

    const { code } = await t.core.resetAdmin(admin.email);
    // not locked any more: a wrong code is judged as a wrong code, not refused as locked
    expect(failure(await t.call('attacker', 'auth.redeem_code', { email: admin.email, code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD })).code).toBe(
      'SETUP_CODE_INVALID',
    );
    // the attacker locks it again before the admin gets to the keyboard
    for (let i = 0; i < 4; i++) await t.call('attacker', 'auth.redeem_code', { email: admin.email, code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD });
    expect(failure(await t.call('attacker', 'auth.redeem_code', { email: admin.email, code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD })).code).toBe(
      'ACCOUNT_LOCKED',
    );

    // the printed code still works, without waiting, and the lockout is gone for the new password too
    data(await t.call('admin-window', 'auth.redeem_code', { email: admin.email, code, password: 'fresh-start-2026' }));
    data(await t.call('admin-window', 'auth.logout'));
    data(await t.call('admin-window', 'auth.login', { email: admin.email, password: 'fresh-start-2026' }));
  });

  it('does not let an ordinary invite code through a lockout', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const { code } = await invite(t, admin.transport, 'kim@lab.example');
    for (let i = 0; i < 5; i++)
      await t.call('attacker', 'auth.redeem_code', { email: 'kim@lab.example', code: 'ABCD-EFGH-JKMN', password: GOOD_PASSWORD });
    expect(failure(await t.call('kim', 'auth.redeem_code', { email: 'kim@lab.example', code, password: GOOD_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
  });

  it('refuses unknown emails and non-admins', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    await invite(t, admin.transport, 'kim@lab.example');
    await expect(t.core.resetAdmin('nobody@lab.example')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.core.resetAdmin('kim@lab.example')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
