import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { data, failure, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

/** A finished job with one image, as the generation work will write them. */
function seedWork(userId: string, n: number, idempotencyKey: string | null = null): void {
  const db = t.core.services.db.$client;
  db.prepare(
    `INSERT INTO job (id, user_id, kind, provider, model, status, prompt, params, input_ids, idempotency_key, units, workstation_host, workstation_user, created_at, updated_at)
     VALUES (?, ?, 'image', 'gemini-image', 'm', 'succeeded', 'p', '{}', '[]', ?, 1, 'h', 'u', 0, 0)`,
  ).run(`job-${n}`, userId, idempotencyKey);
  db.prepare(
    `INSERT INTO media (id, user_id, kind, job_id, rel_path, mime_type, bytes, workstation_host, workstation_user, created_at)
     VALUES (?, ?, 'image', ?, ?, 'image/png', 10, 'h', 'u', 0)`,
  ).run(`media-${n}`, userId, `job-${n}`, `media/2026/11/media-${n}.png`);
  db.prepare(`INSERT INTO quota_reservation (id, user_id, kind, units, job_id, state, created_at) VALUES (?, ?, 'image', 1, ?, 'committed', 0)`).run(
    `res-${n}`,
    userId,
    `job-${n}`,
  );
}

const count = (sql: string, ...args: unknown[]) => (t.core.services.db.$client.prepare(sql).get(...args) as { n: number }).n;

function danglingRows(): number {
  return (
    count('SELECT COUNT(*) AS n FROM media WHERE user_id NOT IN (SELECT id FROM user)') +
    count('SELECT COUNT(*) AS n FROM job WHERE user_id NOT IN (SELECT id FROM user)') +
    count('SELECT COUNT(*) AS n FROM quota_policy WHERE user_id NOT IN (SELECT id FROM user)') +
    count('SELECT COUNT(*) AS n FROM quota_reservation WHERE user_id NOT IN (SELECT id FROM user)') +
    count('SELECT COUNT(*) AS n FROM setup_code WHERE user_id NOT IN (SELECT id FROM user)') +
    count('SELECT COUNT(*) AS n FROM user_manager WHERE user_id NOT IN (SELECT id FROM user) OR admin_id NOT IN (SELECT id FROM user)')
  );
}

describe('deleting an account', () => {
  it('deletes the user’s media and jobs when asked to, leaving no row behind', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const kim = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
    seedWork(kim.userId, 1);
    seedWork(kim.userId, 2);
    const result = data(await t.call(admin.transport, 'users.delete', { userId: kim.userId, media: 'delete' }));
    expect(result).toEqual({ userId: kim.userId, media: 'delete', mediaCount: 2, jobCount: 2 });
    expect(count('SELECT COUNT(*) AS n FROM media')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM user WHERE id = ?', kim.userId)).toBe(0);
    expect(danglingRows()).toBe(0);
    expect(t.core.services.db.$client.pragma('foreign_key_check')).toEqual([]);
  });

  it('hands the media and jobs to the deleting admin when asked to', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const kim = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
    seedWork(admin.userId, 0, 'same-key');
    seedWork(kim.userId, 1, 'same-key');
    const result = data(await t.call(admin.transport, 'users.delete', { userId: kim.userId, media: 'transfer' }));
    expect(result).toMatchObject({ mediaCount: 1, jobCount: 1 });
    expect(count('SELECT COUNT(*) AS n FROM media WHERE user_id = ?', admin.userId)).toBe(2);
    expect(count('SELECT COUNT(*) AS n FROM job WHERE user_id = ?', admin.userId)).toBe(2);
    expect(danglingRows()).toBe(0);
  });

  it('hands a deleted admin’s users to the deleting admin', async () => {
    t = await startTestCore();
    const alice = await setupFirstAdmin(t, 'alice@lab.example', 'alice');
    const bob = await inviteAndSignIn(t, 'alice', 'bob@lab.example', { role: 'admin', transport: 'bob' });
    const lee = await inviteAndSignIn(t, 'bob', 'lee@lab.example', { transport: 'lee' });
    data(await t.call(alice.transport, 'users.delete', { userId: bob.userId, media: 'delete' }));
    expect(data(await t.call(alice.transport, 'users.list', { query: 'lee' }))).toMatchObject({
      items: [{ id: lee.userId, managers: [{ email: 'alice@lab.example' }] }],
    });
    expect(danglingRows()).toBe(0);
  });

  it('requires a media choice', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const kim = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
    expect(failure(await t.raw(admin.transport, 'users.delete', { userId: kim.userId })).code).toBe('VALIDATION_FAILED');
    expect(failure(await t.raw(admin.transport, 'users.delete', { userId: kim.userId, media: 'keep' })).code).toBe('VALIDATION_FAILED');
  });

  it('keeps audit entries about the deleted account, with its email as text', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const kim = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
    data(await t.call(admin.transport, 'users.delete', { userId: kim.userId, media: 'delete' }));
    const { items } = data(await t.call(admin.transport, 'audit.list', { action: 'users.delete' }));
    expect(items).toEqual([
      expect.objectContaining({ target: { id: kim.userId, email: 'kim@lab.example' }, details: expect.objectContaining({ media: 'delete' }) }),
    ]);
  });
});
