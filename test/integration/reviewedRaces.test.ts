import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { makePatternPng } from '../fake-gemini/images';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

/**
 * Races and long waits found in review: each was reproduced before its fix (a dialog answered
 * after sign-out, a login overtaken by a password reset, a source deleted mid-edit, a video
 * finished while the app was closed, a background refetch keeping a screen awake).
 */
let t: TestCore | undefined;
let rig: GenerationRig | undefined;
let fake: FakeGemini | undefined;
afterEach(async () => {
  await t?.cleanup();
  await rig?.close();
  await fake?.close();
  t = rig = fake = undefined;
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('a native dialog answered after its owner was signed out', () => {
  async function withPendingDialog(kind: 'export' | 'save') {
    let answer!: (value: string) => void;
    const answered = new Promise<string>((resolve) => (answer = resolve));
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-dialog-'));
    t = await startTestCore({ mediaDesktop: { chooseExportFolder: () => answered, chooseSaveFile: () => answered } });
    const alice = seedUser(t.core, { email: 'alice@lab.org' });
    signInAs(t.core, 'wc:1', alice);
    const imported = await t.call('wc:1', 'media.import', { bytes: new Uint8Array(makePatternPng(32, 32, 1)) });
    const id = (imported as { data: { id: string } }).data.id;
    const pending = kind === 'export' ? t.call('wc:1', 'media.export', { ids: [id] }) : t.call('wc:1', 'media.save_as', { id });
    await new Promise((r) => setTimeout(r, 20));
    t.core.endAllSessions('os-lock'); // Alice walks away; the screen locks
    answer(kind === 'export' ? outDir : path.join(outDir, 'taken.png')); // the next person answers the dialog
    return { result: await pending, outDir };
  }

  it.each(['export', 'save'] as const)('writes nothing (%s)', async (kind) => {
    const { result, outDir } = await withPendingDialog(kind);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(fs.readdirSync(outDir)).toEqual([]);
  });
});

describe('accounts', () => {
  it('demoting an admin hands over only the users nobody else manages', async () => {
    t = await startTestCore();
    const a = seedUser(t.core, { email: 'a@lab.org', role: 'admin' });
    const b = seedUser(t.core, { email: 'b@lab.org', role: 'admin', managedBy: [a] });
    const c = seedUser(t.core, { email: 'c@lab.org', role: 'admin' });
    seedUser(t.core, { email: 'shared@lab.org', managedBy: [b, c] });
    seedUser(t.core, { email: 'only-b@lab.org', managedBy: [b] });
    signInAs(t.core, 'wa', a);
    expect((await t.call('wa', 'users.update', { userId: b, role: 'user' })).ok).toBe(true);
    const list = (await t.call('wa', 'users.list', {})) as { ok: true; data: { items: { email: string }[] } };
    const emails = list.data.items.map((u) => u.email);
    expect(emails).toContain('only-b@lab.org');
    expect(emails).not.toContain('shared@lab.org');
  });

  it('a sign-in overtaken by a password reset gets no session', async () => {
    t = await startTestCore({ bcryptCost: 10 });
    const admin = seedUser(t.core, { email: 'admin@lab.org', role: 'admin' });
    const u = seedUser(t.core, { email: 'u@lab.org', managedBy: [admin] });
    const hash = await t.core.services.passwords.hash('old-password-123');
    t.core.services.db.$client.prepare('UPDATE user SET password_hash = ? WHERE id = ?').run(hash, u);
    signInAs(t.core, 'admin-page', admin);
    const login = t.call('other-page', 'auth.login', { email: 'u@lab.org', password: 'old-password-123' });
    await new Promise((r) => setTimeout(r, 5)); // the login has read the old hash and is comparing
    expect((await t.call('admin-page', 'users.reset_password', { userId: u })).ok).toBe(true);
    expect(await login).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } });
    expect(await t.call('other-page', 'auth.me', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('only the activity heartbeat keeps a session alive, not background requests', async () => {
    t = await startTestCore();
    const u = seedUser(t.core, { email: 'u@lab.org' });
    signInAs(t.core, 'w', u);
    // refetches every 4 minutes (jobs finishing) on an unattended screen: signed out at 15 minutes
    for (let i = 0; i < 3; i++) {
      t.clock.advance(4 * 60_000);
      expect((await t.call('w', 'jobs.list', {})).ok).toBe(true);
    }
    t.clock.advance(4 * 60_000);
    expect(await t.call('w', 'jobs.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // the heartbeat every 4 minutes (the person is there) keeps it alive well past 15 minutes
    signInAs(t.core, 'w', u);
    for (let i = 0; i < 6; i++) {
      t.clock.advance(4 * 60_000);
      expect((await t.call('w', 'auth.me', {})).ok).toBe(true);
    }
  });
});

describe('generation', () => {
  it('keeps an edit whose source was deleted while Google worked, without the broken link', async () => {
    rig = await startGenerationRig();
    const source = await rig.importPng(1);
    const { jobIds } = await rig.ok('generation.image.edit', { sourceId: source, prompt: 'edit it [slow:300]' });
    await until(() => rig!.fake.requestsTo('generateContent').length === 1);
    await rig.ok('media.delete', { ids: [source] });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    expect(job.status).toBe('succeeded');
    const row = rig.core.services.db.$client.prepare("SELECT parent_media_id FROM media WHERE kind = 'image'").get() as {
      parent_media_id: string | null;
    };
    expect(row.parent_media_id).toBeNull();
    expect(await rig.used('edit')).toBe(1);
  });

  it('a video that finished while the app was closed for 25 minutes is fetched at the next start', async () => {
    fake = await startFakeGemini({ pendingPolls: 2 });
    const clock = new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0), 'UTC');
    rig = await startGenerationRig({ fake, overrides: { clock, jobTimings: { pollIntervalMs: 10, maxVideoWaitMs: 20 * 60_000 } } });
    await rig.ok('generation.video.create', { model: 'veo-3.1-generate-preview', prompt: 'fjord [polls:3]' });
    await until(() => fake!.requestsTo('getOperation').length >= 2);
    await rig.stop();
    clock.advance(25 * 60_000);
    rig = await startGenerationRig({
      fake,
      dataDir: rig.dataDir,
      userId: rig.userId,
      overrides: { clock, jobTimings: { pollIntervalMs: 10, maxVideoWaitMs: 20 * 60_000 } },
    });
    const [job] = [...(await rig.settle()).values()];
    expect(job?.status).toBe('succeeded');
    expect(await rig.used('video')).toBe(1);
  });
});
