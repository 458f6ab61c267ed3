import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { user, userManager } from '../../src/main/db/schema';
import type { ModelAccess } from '../../src/shared/domain/modelAccess';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';

/**
 * Model access per person ("no 4K video for students"): the generators offer only what is allowed,
 * main refuses the rest before anything is reserved or sent, and accounts without their own access
 * follow the workstation default.
 */

let rig: GenerationRig | undefined;
afterEach(async () => {
  await rig?.close();
  await rig?.fake.close();
  rig = undefined;
});

const NO_4K_VIDEO: ModelAccess = { models: null, maxImageSize: null, maxVideoResolution: '1080p' };
const OMNI = 'gemini-omni-1.1-flash';
const VEO_FAST = 'veo-3.1-fast-generate-preview';

/** A maker managed by head@lab.org, both signed in; another admin who does not manage the maker. */
async function withAdmins(): Promise<{ r: GenerationRig; adminWindow: string; strangerWindow: string }> {
  const r = (rig = await startGenerationRig());
  const adminId = seedUser(r.core, { email: 'head@lab.org', role: 'admin' });
  const strangerId = seedUser(r.core, { email: 'other@lab.org', role: 'admin' });
  r.core.services.db.insert(userManager).values({ adminId, userId: r.userId, createdAt: 0 }).run();
  signInAs(r.core, 'admin-window', adminId);
  signInAs(r.core, 'stranger-window', strangerId);
  return { r, adminWindow: 'admin-window', strangerWindow: 'stranger-window' };
}

async function setAccess(r: GenerationRig, window: string, userIds: string[], access: ModelAccess | null) {
  return r.call(window, 'users.model_access.set', { userIds, access });
}

describe('model access per person', () => {
  it('a person without 4K video is not offered it, and main refuses it before reserving or sending', async () => {
    const { r, adminWindow } = await withAdmins();
    expect(await setAccess(r, adminWindow, [r.userId], NO_4K_VIDEO)).toMatchObject({ ok: true });

    const { models } = await r.ok('generation.models.list');
    const veo = models.filter((m) => m.family === 'veo');
    expect(veo.length).toBeGreaterThan(0);
    for (const m of veo) expect(m.capabilities.resolutions).not.toContain('4k');
    expect(models.find((m) => m.id === VEO_FAST)?.capabilities.resolutions).toContain('1080p');

    const refused = await r.call(r.window, 'generation.video.create', {
      prompt: 'A paper boat',
      model: VEO_FAST,
      resolution: '4k',
      durationSeconds: 8,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your account may make videos up to 1080p; 4K is not allowed.' },
    });
    expect(await r.used('video')).toBe(0);
    expect(r.fake.requests.length).toBe(0);
    expect((await r.settle()).size).toBe(0);

    // what is allowed still goes through
    const { jobIds } = await r.ok('generation.video.create', { prompt: 'A paper boat', model: VEO_FAST, resolution: '1080p', durationSeconds: 8 });
    expect((await r.settle()).get(jobIds[0]!)).toMatchObject({ status: 'succeeded' });
  });

  it('a model outside the allowed list is refused by name, naming the ones the person may use', async () => {
    const { r, adminWindow } = await withAdmins();
    await setAccess(r, adminWindow, [r.userId], { models: ['gemini-nano-banana-2.1', OMNI], maxImageSize: null, maxVideoResolution: null });

    const ids = (await r.ok('generation.models.list')).models.map((m) => m.id);
    expect(ids.sort()).toEqual(['gemini-nano-banana-2.1', OMNI].sort());

    const refused = await r.call(r.window, 'generation.image.create', { prompt: 'A lighthouse', model: 'gemini-3-pro-image' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your account may not use Nano Banana Pro (Gemini 3 Pro Image). You may use Nano Banana 2.1.' },
    });
    expect(await r.used('image')).toBe(0);
    expect(r.fake.requestsTo('generateContent')).toHaveLength(0);
  });

  it('an image size above the ceiling is refused and left out of the sizes offered', async () => {
    const { r, adminWindow } = await withAdmins();
    await setAccess(r, adminWindow, [r.userId], { models: null, maxImageSize: '2K', maxVideoResolution: null });
    const banana = (await r.ok('generation.models.list')).models.find((m) => m.id === 'gemini-nano-banana-2.1');
    expect(banana?.capabilities.imageSizes).toEqual(['1K', '2K']);
    const refused = await r.call(r.window, 'generation.image.create', { prompt: 'A lighthouse', imageSize: '4K' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('up to 2K') } });
  });

  it('accounts without their own access follow the default; setting null returns an account to it', async () => {
    const { r, adminWindow } = await withAdmins();
    const updated = await r.call(adminWindow, 'settings.update', { defaultModelAccess: NO_4K_VIDEO });
    expect(updated).toMatchObject({ ok: true, data: { defaultModelAccess: NO_4K_VIDEO } });
    let entry = await r.call(adminWindow, 'users.model_access.get', { userIds: [r.userId] });
    expect(entry).toMatchObject({ ok: true, data: { items: [{ email: 'maker@lab.org', access: null, effective: NO_4K_VIDEO }] } });

    const open: ModelAccess = { models: null, maxImageSize: null, maxVideoResolution: null };
    await setAccess(r, adminWindow, [r.userId], open);
    expect((await r.ok('generation.models.list')).models.find((m) => m.id === VEO_FAST)?.capabilities.resolutions).toContain('4k');

    await setAccess(r, adminWindow, [r.userId], null);
    entry = await r.call(adminWindow, 'users.model_access.get', { userIds: [r.userId] });
    expect(entry).toMatchObject({ ok: true, data: { items: [{ access: null, effective: NO_4K_VIDEO }] } });
    expect((await r.ok('generation.models.list')).models.find((m) => m.id === VEO_FAST)?.capabilities.resolutions).not.toContain('4k');
  });

  it('an admin who does not manage the person cannot read or change their access, and nothing is written', async () => {
    const { r, strangerWindow } = await withAdmins();
    expect(await r.call(strangerWindow, 'users.model_access.get', { userIds: [r.userId] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await setAccess(r, strangerWindow, [r.userId], NO_4K_VIDEO)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const row = r.core.services.db.select({ modelAccess: user.modelAccess }).from(user).where(eq(user.id, r.userId)).get();
    expect(row?.modelAccess).toBeNull();
    // a person cannot widen their own access either: the route is for admins
    expect(await setAccess(r, r.window, [r.userId], null)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('each change is audited with before and after', async () => {
    const { r, adminWindow } = await withAdmins();
    await setAccess(r, adminWindow, [r.userId], NO_4K_VIDEO);
    const audit = await r.call(adminWindow, 'audit.list', { action: 'users.model_access.set' });
    expect(audit).toMatchObject({
      ok: true,
      data: {
        items: [
          {
            action: 'users.model_access.set',
            actor: { email: 'head@lab.org' },
            target: { email: 'maker@lab.org' },
            details: { before: null, after: NO_4K_VIDEO },
          },
        ],
      },
    });
  });

  it('refuses a malformed access at the contract', async () => {
    const { r, adminWindow } = await withAdmins();
    const bad = await r.call(adminWindow, 'users.model_access.set', {
      userIds: [r.userId],
      access: { models: null, maxImageSize: '8K', maxVideoResolution: null } as never,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
