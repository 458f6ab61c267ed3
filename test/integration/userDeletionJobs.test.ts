import { afterEach, describe, expect, it } from 'vitest';
import { seedUser, signInAs } from '../support/seed';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig;
afterEach(async () => rig?.close());

const count = (sql: string) => (rig.core.services.db.$client.prepare(sql).get() as { n: number }).n;

describe('deleting an account while its jobs run', () => {
  it.each(['delete', 'transfer'] as const)('stops its running video and leaves no job or reservation behind (%s media)', async (mode) => {
    rig = await startGenerationRig();
    const adminId = seedUser(rig.core, { role: 'admin', email: 'head@lab.org' });
    rig.core.services.db.$client.prepare('INSERT INTO user_manager (admin_id, user_id, created_at) VALUES (?, ?, 0)').run(adminId, rig.userId);
    signInAs(rig.core, 'admin-window', adminId);
    await rig.ok('generation.image.create', { prompt: 'finished before' });
    await rig.settle();
    await rig.ok('generation.video.create', { model: 'veo-3.1-generate-preview', prompt: 'endless [polls:100000]' });
    while (rig.fake.requestsTo('getOperation').length < 2) await new Promise((r) => setTimeout(r, 5));

    const deleted = await rig.core.router.dispatch({ transportId: 'admin-window' }, 'users.delete', { userId: rig.userId, media: mode });
    expect(deleted.ok).toBe(true);
    await rig.core.services.jobRunner.idle();
    const polls = rig.fake.requestsTo('getOperation').length;
    await new Promise((r) => setTimeout(r, 50));
    expect(rig.fake.requestsTo('getOperation').length).toBe(polls);

    expect(count("SELECT COUNT(*) AS n FROM job WHERE status NOT IN ('succeeded','failed','blocked','cancelled','interrupted')")).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM quota_reservation WHERE user_id NOT IN (SELECT id FROM user)')).toBe(0);
    expect(count('SELECT COUNT(*) AS n FROM media WHERE user_id NOT IN (SELECT id FROM user)')).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM media WHERE kind = 'image'")).toBe(mode === 'transfer' ? 1 : 0);
    expect(count('SELECT COUNT(*) AS n FROM job')).toBe(mode === 'transfer' ? 1 : 0);
  });
});
