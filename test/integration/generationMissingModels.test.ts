import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogueModel } from '../../src/shared/domain/models';
import { DEFAULT_MODEL_IDS } from '../fake-gemini/models';
import { startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';

/**
 * A model Google no longer offers (found by the admin's "check models") stays in the catalogue for
 * admins, but generators neither list it nor accept it — a job for it could only fail at Google.
 */

let rig: GenerationRig | undefined;
afterEach(async () => {
  await rig?.close();
  await rig?.fake.close();
  rig = undefined;
});

const PRO = 'gemini-3-pro-image';
const FLASH = 'gemini-3.1-flash-image';
const BANANA = 'gemini-nano-banana-2.1';

/** A rig whose fake Google no longer knows `gone`, after an admin ran "check models". */
async function afterCheck(gone: string[]): Promise<GenerationRig> {
  const fake = await startFakeGemini({ pendingPolls: 2, knownModels: DEFAULT_MODEL_IDS.filter((id) => !gone.includes(id)) });
  rig = await startGenerationRig({ fake });
  const adminId = seedUser(rig.core, { email: 'head@lab.org', role: 'admin' });
  signInAs(rig.core, 'admin-window', adminId);
  const checked = await rig.call('admin-window', 'settings.models.check', {});
  expect(checked.ok).toBe(true);
  return rig;
}

const listed = async (r: GenerationRig) => (await r.ok('generation.models.list')).models.map((m) => m.id);

describe('models Google no longer offers', () => {
  it('are left out of the generators’ model list but still shown to admins in settings', async () => {
    const r = await afterCheck([PRO]);
    expect(await listed(r)).not.toContain(PRO);
    expect(await listed(r)).toContain(BANANA);
    const settings = await r.call('admin-window', 'settings.get');
    expect(settings).toMatchObject({ ok: true });
    const catalogue = (settings as { data: { catalogue: CatalogueModel[] } }).data.catalogue;
    expect(catalogue.find((m) => m.id === PRO)).toMatchObject({ missing: true, enabled: true });
  });

  it('refuses an image request naming one, saying so by its label, before anything is charged or sent', async () => {
    const r = await afterCheck([PRO]);
    const result = await r.call(r.window, 'generation.image.create', { prompt: 'A lighthouse', model: PRO });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Google no longer offers Nano Banana Pro (Gemini 3 Pro Image). Choose another model.',
        details: { issues: [{ path: 'model', message: 'Google no longer offers Nano Banana Pro (Gemini 3 Pro Image). Choose another model.' }] },
      },
    });
    expect(await r.used('image')).toBe(0);
    expect(r.fake.requestsTo('generateContent')).toHaveLength(0);
    expect((await r.settle()).size).toBe(0);
  });

  it('refuses a video request naming one too', async () => {
    const r = await afterCheck(['veo-3.1-fast-generate-preview']);
    const result = await r.call(r.window, 'generation.video.create', { prompt: 'A paper boat', model: 'veo-3.1-fast-generate-preview' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Google no longer offers Veo 3.1 Fast. Choose another model.' },
    });
    expect(await r.used('video')).toBe(0);
  });

  it('when the default image model is the one gone, a request without a model uses the next offered one', async () => {
    const r = await afterCheck([BANANA]);
    const { jobIds } = await r.ok('generation.image.create', { prompt: 'A lighthouse' });
    const job = (await r.settle()).get(jobIds[0]!);
    // the shipped default is gone; the first other offered image model in the catalogue serves
    expect(job).toMatchObject({ status: 'succeeded', model: FLASH });
    expect(r.fake.requestsTo('generateContent')[0]?.path).toBe(`/v1beta/models/${FLASH}:generateContent`);
  });

  it('are offered again once a later check finds them', async () => {
    const r = await afterCheck([]);
    // an earlier check had found Pro gone
    const catalogue = r.core.services.settings.get('modelCatalogue');
    r.core.services.settings.set(
      'modelCatalogue',
      catalogue.map((m) => ({ ...m, missing: m.id === PRO })),
      null,
    );
    expect(await listed(r)).not.toContain(PRO);

    expect(await r.call('admin-window', 'settings.models.check', {})).toMatchObject({ ok: true });
    expect(await listed(r)).toContain(PRO);
    const { jobIds } = await r.ok('generation.image.create', { prompt: 'A lighthouse', model: PRO });
    expect((await r.settle()).get(jobIds[0]!)?.status).toBe('succeeded');
  });
});
