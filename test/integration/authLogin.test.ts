import bcrypt from 'bcryptjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { GOOD_PASSWORD, auditActions, data, failure, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

const MINUTE = 60_000;

async function withAdmin(): Promise<TestCore> {
  t = await startTestCore();
  await setupFirstAdmin(t);
  data(await t.call('admin-window', 'auth.logout'));
  return t;
}

describe('signing in', () => {
  it('accepts the email in any case and with spaces around it', async () => {
    await withAdmin();
    const me = data(await t.call('w1', 'auth.login', { email: '  ADMIN@lab.Example ', password: GOOD_PASSWORD }));
    expect(me).toMatchObject({ email: 'admin@lab.example', role: 'admin' });
    expect(data(await t.call('w1', 'app.status'))).toMatchObject({ signedIn: true });
  });

  it('answers an unknown email and a wrong password with the same code and message', async () => {
    await withAdmin();
    const unknown = failure(await t.call('w1', 'auth.login', { email: 'nobody@lab.example', password: GOOD_PASSWORD }));
    const wrong = failure(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: 'not-the-password' }));
    expect(unknown).toEqual(wrong);
    expect(wrong).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect.' });
    expect(data(await t.call('w1', 'app.status'))).toMatchObject({ signedIn: false });
  });

  it('does not accept a longer password whose first 72 bytes are the real one (bcrypt truncation)', async () => {
    t = await startTestCore();
    const password = 'a-long-passphrase-'.padEnd(72, 'x');
    data(await t.call('w1', 'auth.setup_first_admin', { email: 'admin@lab.example', password }));
    data(await t.call('w1', 'auth.logout'));
    expect(failure(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: `${password}EXTRA` })).code).toBe('INVALID_CREDENTIALS');
    data(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password }));
  });

  it('refuses to sign in a window that is already signed in', async () => {
    await withAdmin();
    data(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD }));
    expect(failure(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD })).code).toBe('CONFLICT');
  });

  it('tells a deactivated account why only when its password is right', async () => {
    await withAdmin();
    data(await t.call('admin-window-2', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD }));
    const user = await inviteAndSignIn(t, 'admin-window-2', 'kim@lab.example');
    data(await t.call(user.transport, 'auth.logout'));
    data(await t.call('admin-window-2', 'users.update', { userId: user.userId, isActive: false }));
    expect(failure(await t.call('w9', 'auth.login', { email: user.email, password: 'wrong-password-1' })).code).toBe('INVALID_CREDENTIALS');
    expect(failure(await t.call('w9', 'auth.login', { email: user.email, password: GOOD_PASSWORD }))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('deactivated'),
    });
  });

  it('re-hashes a password at the next sign-in when its cost is below the setting', async () => {
    t = await startTestCore({ bcryptCost: 4 });
    await setupFirstAdmin(t);
    await t.stop();
    t = await startTestCore({ dataDir: t.dataDir, bcryptCost: 5 });
    const hashOf = () => (t.core.services.db.$client.prepare('SELECT password_hash AS h FROM user').get() as { h: string }).h;
    expect(bcrypt.getRounds(hashOf())).toBe(4);
    data(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD }));
    expect(bcrypt.getRounds(hashOf())).toBe(5);
    expect(await bcrypt.compare(GOOD_PASSWORD, hashOf())).toBe(true);
  });

  it('signs in with a password hashed by the earlier pure-JavaScript bcrypt, in both $2a$ and $2b$ form', async () => {
    t = await startTestCore({ bcryptCost: 4 });
    await setupFirstAdmin(t);
    data(await t.call('admin-window', 'auth.logout'));
    const setHash = (hash: string) => t.core.services.db.$client.prepare('UPDATE user SET password_hash = ?').run(hash);
    for (const legacy of [bcrypt.hashSync(GOOD_PASSWORD, 4), bcrypt.hashSync(GOOD_PASSWORD, 4).replace(/^\$2b\$/, '$2a$')]) {
      setHash(legacy);
      data(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD }));
      data(await t.call('w1', 'auth.logout'));
      expect(failure(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: 'not-the-password' })).code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
  });

  it('records sign-in successes and failures in the audit log without the password', async () => {
    await withAdmin();
    await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: 'wrong-password-1' });
    await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD });
    expect(await auditActions(t)).toEqual(expect.arrayContaining(['auth.login.failed', 'auth.login.succeeded', 'auth.logout']));
    const dump = JSON.stringify(t.core.services.db.$client.prepare('SELECT * FROM audit_entry').all());
    expect(dump).not.toContain('wrong-password-1');
    expect(dump).not.toContain(GOOD_PASSWORD);
  });
});

describe('lockout', () => {
  const wrong = (window = 'w1', email = 'admin@lab.example') => t.call(window, 'auth.login', { email, password: 'wrong-password-1' });

  it('locks the account after 5 failures in 15 minutes and says until when', async () => {
    await withAdmin();
    for (let i = 0; i < 4; i++) expect(failure(await wrong()).code).toBe('INVALID_CREDENTIALS');
    const locked = failure(await wrong());
    // 09:00 + 1 minute in the workstation's time zone (UTC in tests)
    expect(locked).toMatchObject({
      code: 'ACCOUNT_LOCKED',
      message: expect.stringContaining('locked until 09:01'),
      details: { lockedUntil: t.clock.now() + MINUTE },
    });
    // even the right password is refused while locked, and that refusal is not a guess
    expect(failure(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    expect(await auditActions(t)).toContain('auth.lockout');
  });

  it('releases the account at the announced time', async () => {
    await withAdmin();
    for (let i = 0; i < 5; i++) await wrong();
    t.clock.advance(MINUTE - 1);
    expect(failure(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD })).code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(1);
    data(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD }));
  });

  it('doubles the delay with each lockout in a row, capped at one hour', async () => {
    await withAdmin();
    const durations: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 4; i++) await wrong();
      const error = failure(await wrong());
      const until = (error.details as { lockedUntil: number }).lockedUntil;
      durations.push((until - t.clock.now()) / MINUTE);
      t.clock.set(until);
    }
    expect(durations).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('does not count failures spread wider than 15 minutes', async () => {
    await withAdmin();
    for (let i = 0; i < 4; i++) await wrong();
    t.clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++) expect(failure(await wrong()).code).toBe('INVALID_CREDENTIALS');
  });

  it('counts every one of 10 parallel guesses: 5 are checked, the rest find the account locked', async () => {
    await withAdmin();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => wrong(`w${i}`)));
    const codes = results.map((r) => failure(r).code);
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(6);
  });

  it('locks an unknown email the same way, so lockouts do not reveal which emails exist', async () => {
    await withAdmin();
    const real: string[] = [];
    const ghost: string[] = [];
    for (let i = 0; i < 6; i++) real.push(failure(await wrong('w1')).code);
    for (let i = 0; i < 6; i++) ghost.push(failure(await wrong('w2', 'ghost@lab.example')).code);
    expect(ghost).toEqual(real);
  });

  it('clears the escalation after a successful sign-in', async () => {
    await withAdmin();
    for (let i = 0; i < 5; i++) await wrong();
    t.clock.advance(MINUTE);
    data(await t.call('w1', 'auth.login', { email: 'admin@lab.example', password: GOOD_PASSWORD }));
    data(await t.call('w1', 'auth.logout'));
    for (let i = 0; i < 4; i++) await wrong();
    expect(failure(await wrong()).details).toEqual({ lockedUntil: t.clock.now() + MINUTE });
  });
});
