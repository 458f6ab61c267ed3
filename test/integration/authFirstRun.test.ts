import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { GOOD_PASSWORD, data, failure, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

describe('first run', () => {
  it('creates the first admin, signs them in and leaves first run', async () => {
    t = await startTestCore();
    const me = data(await t.call('w1', 'auth.setup_first_admin', { email: '  Admin@Lab.Example ', password: GOOD_PASSWORD }));
    expect(me).toMatchObject({ email: 'admin@lab.example', role: 'admin', idleTimeoutMinutes: 15 });
    expect(data(await t.call('w1', 'app.status'))).toMatchObject({ firstRun: false, signedIn: true });
    expect(data(await t.call('w1', 'auth.me'))).toMatchObject({ userId: me.userId });
  });

  it('gives the first admin explicit quota policy rows from the default policy', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const rows = t.core.services.db.$client
      .prepare('SELECT kind, period, "limit" FROM quota_policy WHERE user_id = ? ORDER BY kind')
      .all(admin.userId);
    expect(rows).toEqual([
      { kind: 'edit', period: 'daily', limit: 30 },
      { kind: 'image', period: 'daily', limit: 50 },
      { kind: 'spend', period: 'unlimited', limit: 0 },
      { kind: 'video', period: 'daily', limit: 10 },
    ]);
  });

  it('refuses a second setup once an account exists, from any window', async () => {
    t = await startTestCore();
    await setupFirstAdmin(t);
    const again = failure(await t.call('intruder', 'auth.setup_first_admin', { email: 'evil@x.org', password: GOOD_PASSWORD }));
    expect(again.code).toBe('FORBIDDEN');
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM user').get()).toEqual({ n: 1 });
  });

  it('lets only one of two racing setups create an admin', async () => {
    t = await startTestCore();
    const results = await Promise.all([
      t.call('w1', 'auth.setup_first_admin', { email: 'one@lab.example', password: GOOD_PASSWORD }),
      t.call('w2', 'auth.setup_first_admin', { email: 'two@lab.example', password: GOOD_PASSWORD }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'FORBIDDEN')).toHaveLength(1);
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM user').get()).toEqual({ n: 1 });
  });

  it.each([
    ['too short', 'short-pw1', /at least 10 characters/],
    ['longer than 72 bytes, said in bytes', 'é'.repeat(37), /at most 72 bytes: this password is 74 bytes/],
    ['on the common list, in any case', 'Password123', /most common/],
    ['the email itself', 'admin@lab.example', /email address/],
  ])('rejects a first-admin password that is %s', async (_what, password, message) => {
    t = await startTestCore();
    const error = failure(await t.call('w1', 'auth.setup_first_admin', { email: 'admin@lab.example', password }));
    expect(error.code).toBe('PASSWORD_REJECTED');
    expect(error.message).toMatch(message);
    expect(data(await t.call('w1', 'app.status'))).toMatchObject({ firstRun: true });
  });

  it('rejects a malformed email with a message naming the field', async () => {
    t = await startTestCore();
    const error = failure(await t.call('w1', 'auth.setup_first_admin', { email: 'not-an-email', password: GOOD_PASSWORD }));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('email') });
  });

  it('stores only a bcrypt hash, never the password', async () => {
    t = await startTestCore();
    await setupFirstAdmin(t);
    const dump = JSON.stringify(t.core.services.db.$client.prepare('SELECT * FROM user').all());
    expect(dump).not.toContain(GOOD_PASSWORD);
    expect(dump).toMatch(/\$2[aby]\$04\$/);
    expect(t.logger.lines.join('\n')).not.toContain(GOOD_PASSWORD);
  });
});

describe('the product bcrypt cost', () => {
  it('is 12 when no cost is configured, and new hashes carry it', async () => {
    t = await startTestCore({ bcryptCost: undefined });
    expect(t.core.services.passwords.cost).toBe(12);
    const hash = await t.core.services.passwords.hash(GOOD_PASSWORD);
    expect(hash.startsWith('$2b$12$')).toBe(true);
  });
});

describe('provisioning an admin from the environment', () => {
  const env = { STUDIO_ADMIN_EMAIL: 'Ops@Lab.Example', STUDIO_ADMIN_PASSWORD: GOOD_PASSWORD };

  it('creates the admin once when none exists, and it can sign in', async () => {
    t = await startTestCore({ env });
    expect(data(await t.call('w1', 'app.status'))).toMatchObject({ firstRun: false });
    expect(data(await t.call('w1', 'auth.login', { email: 'ops@lab.example', password: GOOD_PASSWORD }))).toMatchObject({ role: 'admin' });
    await t.stop();
    const again = await startTestCore({ dataDir: t.dataDir, env });
    expect(again.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM user').get()).toEqual({ n: 1 });
    await again.stop();
  });

  it('never overwrites an existing account, even with an admin role missing', async () => {
    t = await startTestCore();
    const db = t.core.services.db.$client;
    db.prepare(
      "INSERT INTO user (id, email, role, password_hash, created_at, updated_at) VALUES ('u1', 'ops@lab.example', 'user', 'keep-me', 0, 0)",
    ).run();
    await t.stop();
    const again = await startTestCore({ dataDir: t.dataDir, env });
    expect(again.core.services.db.$client.prepare('SELECT role, password_hash AS hash FROM user').all()).toEqual([{ role: 'user', hash: 'keep-me' }]);
    await again.stop();
  });

  it('does nothing when an admin already exists', async () => {
    t = await startTestCore();
    await setupFirstAdmin(t);
    await t.stop();
    const again = await startTestCore({ dataDir: t.dataDir, env });
    expect(again.core.services.db.$client.prepare('SELECT email FROM user').all()).toEqual([{ email: 'admin@lab.example' }]);
    await again.stop();
  });

  it('refuses a provisioned password that breaks the rules, without logging it', async () => {
    t = await startTestCore({ env: { STUDIO_ADMIN_EMAIL: 'ops@lab.example', STUDIO_ADMIN_PASSWORD: 'password123' } });
    expect(data(await t.call('w1', 'app.status'))).toMatchObject({ firstRun: true });
    expect(t.logger.lines.join('\n')).toContain('not acceptable');
    expect(t.logger.lines.join('\n')).not.toContain('password123');
  });
});
