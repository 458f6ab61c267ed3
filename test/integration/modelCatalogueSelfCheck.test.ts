import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Catalogue, DEFAULT_CATALOGUE, replacedDefaults } from '../../src/shared/domain/models';
import { DEFAULT_MODEL_IDS } from '../fake-gemini/models';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';

/**
 * The catalogue that checks itself (docs/models-and-money.md): at start (once a key exists), after a
 * new key and once a day, one paged `models.list` with the fake Google marks every catalogue id
 * present or missing. A missing default is served by its successor or the next offered model of its
 * kind and admins are told; a failed list changes no flag and is recorded for admins.
 */

const BANANA = 'gemini-nano-banana-2.1';
const FLASH = 'gemini-3.1-flash-image';
const PRO = 'gemini-3-pro-image';
const OMNI = 'gemini-omni-1.1-flash';
const OMNI_12 = 'gemini-omni-1.2-flash';

let rigs: GenerationRig[] = [];
let fakes: FakeGemini[] = [];
afterEach(async () => {
  for (const r of rigs) await r.close();
  for (const f of fakes) await f.close();
  rigs = [];
  fakes = [];
});

let admins = 0;
async function rig(options: { known?: string[]; atStart?: boolean; everyMs?: number; key?: boolean; dataDir?: string; userId?: string } = {}) {
  const fake = await startFakeGemini({ knownModels: options.known ?? [...DEFAULT_MODEL_IDS], maxListPageSize: 4 });
  fakes.push(fake);
  const r = await startGenerationRig({
    fake,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.userId ? { userId: options.userId } : {}),
    overrides: {
      modelCheckSchedule: { atStart: options.atStart ?? false, everyMs: options.everyMs ?? 0 },
      ...(options.key === false ? { env: {} } : {}),
    },
  });
  rigs.push(r);
  const adminId = seedUser(r.core, { email: `head-${++admins}@lab.org`, role: 'admin' });
  signInAs(r.core, 'admin-window', adminId);
  return r;
}

const catalogueOf = (r: GenerationRig) => r.core.services.settings.get('modelCatalogue');
const lastCheckOf = (r: GenerationRig) => r.core.services.settings.get('modelCheck');
const offered = async (r: GenerationRig) => (await r.ok('generation.models.list')).models.map((m) => m.id);
const auditOf = (r: GenerationRig, action: string) =>
  (
    r.core.services.db.$client.prepare('SELECT actor_id AS actorId, details FROM audit_entry WHERE action = ?').all(action) as {
      actorId: string | null;
      details: string;
    }[]
  ).map((row) => ({ actorId: row.actorId, ...JSON.parse(row.details) }));
async function adminCall(r: GenerationRig, route: string, input?: unknown) {
  return r.raw('admin-window', route, input);
}

describe('the check at start and once a day', () => {
  it('at start, a default missing from models.list is replaced by the next offered model and admins are told', async () => {
    const r = await rig({ known: DEFAULT_MODEL_IDS.filter((id) => id !== BANANA), atStart: true });
    await vi.waitFor(() => expect(lastCheckOf(r)).not.toBeNull());
    expect(lastCheckOf(r)).toMatchObject({ trigger: 'start', outcome: 'ok', errorKind: null, message: null });
    expect(r.fake.requestsTo('listModels').length).toBeGreaterThan(1); // paged

    const catalogue = catalogueOf(r);
    expect(catalogue.find((m) => m.id === BANANA)).toMatchObject({ missing: true, isDefault: true, enabled: true });
    // generators never offer it, and a request without a model goes to the next offered one
    expect(await offered(r)).not.toContain(BANANA);
    const { jobIds } = await r.ok('generation.image.create', { prompt: 'A lighthouse' });
    expect((await r.settle()).get(jobIds[0]!)).toMatchObject({ status: 'succeeded', model: FLASH });

    // admins are told: settings carries what the banner shows, and the audit log says it
    const settings = await adminCall(r, 'settings.get');
    expect(settings.ok).toBe(true);
    const data = (settings as { data: { catalogue: Catalogue; modelCheck: unknown } }).data;
    expect(replacedDefaults(data.catalogue).map((x) => [x.kind, x.missing.id, x.servedBy?.id])).toEqual([['image', BANANA, FLASH]]);
    expect(data.modelCheck).toMatchObject({ outcome: 'ok', trigger: 'start' });
    const [entry] = auditOf(r, 'settings.models.check');
    expect(entry).toMatchObject({ actorId: null, trigger: 'start', changed: [BANANA], replacedDefaults: [`image: ${BANANA} → ${FLASH}`] });
  });

  it('a failed list call changes no flag, and the failure is recorded for admins', async () => {
    const r = await rig({ known: DEFAULT_MODEL_IDS.filter((id) => id !== PRO) });
    await r.core.services.catalogueCheck.checkInBackground('daily');
    const firstSuccess = lastCheckOf(r)!.at;
    expect(catalogueOf(r).find((m) => m.id === PRO)?.missing).toBe(true);

    // Google lists Pro again, but the next checks fail: a rate limit, then an outage, then a bad page
    r.fake.setKnownModels([...DEFAULT_MODEL_IDS]);
    for (const reply of ['429', '503'] as const) {
      r.clock.advance(24 * 60 * 60 * 1000);
      r.fake.script({ on: 'listModels', reply });
      await r.core.services.catalogueCheck.checkInBackground('daily');
      expect(
        catalogueOf(r)
          .filter((m) => m.missing)
          .map((m) => m.id),
      ).toEqual([PRO]);
    }
    expect(lastCheckOf(r)).toMatchObject({
      trigger: 'daily',
      outcome: 'failed',
      errorKind: 'google',
      message: expect.stringMatching(/Google had a problem \(503\)/),
      lastSuccessAt: firstSuccess,
    });
    signInAs(r.core, 'admin-window', seedUser(r.core, { email: 'back@lab.org', role: 'admin' })); // the old session idled out
    const settings = (await adminCall(r, 'settings.get')) as { data: { modelCheck: { errorKind: string } } };
    expect(settings.data.modelCheck.errorKind).toBe('google');
    // the first failure after a success is on record; the repeat is not
    expect(auditOf(r, 'settings.models.check').map((e) => e.errorKind ?? 'ok')).toEqual(['ok', 'rate-limit']);

    // once a list succeeds again, Pro is offered again
    await r.core.services.catalogueCheck.checkInBackground('daily');
    expect(catalogueOf(r).some((m) => m.missing)).toBe(false);
  });

  it('a rejected key or an unreachable Google changes nothing either, and says which', async () => {
    const r = await rig({ known: DEFAULT_MODEL_IDS.filter((id) => id !== PRO) });
    r.fake.script({ on: 'listModels', reply: '400', message: 'API key not valid. Please pass a valid API key.' });
    await r.core.services.catalogueCheck.checkInBackground('daily');
    expect(lastCheckOf(r)).toMatchObject({ outcome: 'failed', errorKind: 'bad-key' });
    await r.fake.close();
    await r.core.services.catalogueCheck.checkInBackground('daily');
    expect(lastCheckOf(r)).toMatchObject({ outcome: 'failed', errorKind: 'network' });
    expect(catalogueOf(r).some((m) => m.missing)).toBe(false);
  });

  it('without a key nothing is asked at start; the daily timer checks once one exists', async () => {
    const r = await rig({ key: false, atStart: true, everyMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 60)); // a few daily ticks pass without a key
    expect(r.fake.requests).toHaveLength(0);
    expect(lastCheckOf(r)).toBeNull();
    // the key arrives through settings: that alone starts a check in the background
    expect((await adminCall(r, 'settings.set_api_key', { apiKey: r.fake.apiKey.padEnd(24, '0') })).ok).toBe(true);
    await vi.waitFor(() => expect(lastCheckOf(r)).not.toBeNull());
    // (the fake wants its own key: this one is rejected, which is recorded, not applied)
    expect(lastCheckOf(r)).toMatchObject({ outcome: 'failed', errorKind: 'bad-key' });
    await vi.waitFor(() => expect(lastCheckOf(r)?.trigger).toBe('daily'));
    expect(catalogueOf(r).some((m) => m.missing)).toBe(false);
  });
});

/** The catalogue an install of the previous version saved: Nano Banana 2 the default, no 2.1, no Omni 1.2. */
const PREVIOUS: Catalogue = DEFAULT_CATALOGUE.filter((m) => m.id !== BANANA && m.id !== OMNI_12).map((m) => ({
  ...m,
  isDefault: m.id === FLASH || m.id === OMNI,
}));

async function previousInstall(known: string[] = [...DEFAULT_MODEL_IDS]) {
  const first = await rig({ known });
  first.core.services.settings.set('modelCatalogue', PREVIOUS, null);
  first.core.services.db.$client.prepare("DELETE FROM setting WHERE key = 'shippedModelIds'").run();
  await first.stop();
  rigs = rigs.filter((x) => x !== first);
  return rig({ known, dataDir: first.dataDir, userId: first.userId });
}

describe('an install that saved its catalogue before this version', () => {
  it('gains the newly shipped models without losing its default; one the admin removes stays removed', async () => {
    const r = await previousInstall();
    const catalogue = catalogueOf(r);
    expect(catalogue.filter((m) => m.isDefault).map((m) => m.id)).toEqual([FLASH, OMNI]);
    expect(catalogue.find((m) => m.id === BANANA)).toMatchObject({ enabled: true, isDefault: false });
    expect(catalogue.find((m) => m.id === OMNI_12)).toMatchObject({ enabled: false, isDefault: false });
    expect(auditOf(r, 'settings.models.shipped')).toEqual([{ actorId: null, added: [BANANA, `${OMNI_12} (disabled)`] }]);

    const withoutBanana = catalogue.filter((m) => m.id !== BANANA);
    expect((await adminCall(r, 'settings.models.update', { models: withoutBanana })).ok).toBe(true);
    const again = await r.restart();
    rigs.push(again);
    expect(catalogueOf(again).map((m) => m.id)).not.toContain(BANANA);
  });

  it('when Google drops Nano Banana 2, its successor serves rather than the next model in the list', async () => {
    const r = await previousInstall(DEFAULT_MODEL_IDS.filter((id) => id !== FLASH));
    await r.core.services.catalogueCheck.checkInBackground('daily');
    expect(replacedDefaults(catalogueOf(r)).map((x) => [x.missing.id, x.servedBy?.id])).toEqual([[FLASH, BANANA]]);
    const { jobIds } = await r.ok('generation.image.create', { prompt: 'A lighthouse' });
    expect((await r.settle()).get(jobIds[0]!)).toMatchObject({ status: 'succeeded', model: BANANA });
  });
});

describe('moving to a successor', () => {
  it('hands an id to its successor in one step: enabled, the default, the old one disabled; audited', async () => {
    const r = await previousInstall(DEFAULT_MODEL_IDS.filter((id) => id !== FLASH));
    await r.core.services.catalogueCheck.checkInBackground('daily');
    const result = await adminCall(r, 'settings.models.migrate', { from: FLASH });
    expect(result.ok).toBe(true);
    const catalogue = catalogueOf(r);
    expect(catalogue.find((m) => m.id === BANANA)).toMatchObject({ enabled: true, isDefault: true });
    expect(catalogue.find((m) => m.id === FLASH)).toMatchObject({ enabled: false, isDefault: false });
    expect(replacedDefaults(catalogue)).toEqual([]);
    expect(auditOf(r, 'settings.models.migrate')).toMatchObject([{ from: FLASH, to: BANANA, defaultNow: true }]);
  });

  it('"Make it the default" hands a missing default to the model that serves instead', async () => {
    const r = await rig({ known: DEFAULT_MODEL_IDS.filter((id) => id !== BANANA) });
    await r.core.services.catalogueCheck.checkInBackground('daily');
    expect((await adminCall(r, 'settings.models.migrate', { from: BANANA, to: FLASH })).ok).toBe(true);
    expect(
      catalogueOf(r)
        .filter((m) => m.isDefault)
        .map((m) => m.id),
    ).toEqual([FLASH, OMNI]);
    expect(replacedDefaults(catalogueOf(r))).toEqual([]);
  });

  it('refuses a successor Google has not confirmed, an id of another kind, and non-admins', async () => {
    const r = await rig({ known: DEFAULT_MODEL_IDS.filter((id) => id !== OMNI_12) });
    // no check yet: nothing is confirmed
    expect(await adminCall(r, 'settings.models.migrate', { from: FLASH })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('has not confirmed Nano Banana 2.1') },
    });
    await r.core.services.catalogueCheck.checkInBackground('daily');
    // Omni 1.2 is not listed by Google: Omni 1.1 cannot move to it
    expect(await adminCall(r, 'settings.models.migrate', { from: OMNI })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await adminCall(r, 'settings.models.migrate', { from: FLASH, to: 'veo-3.1-generate-preview' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await r.call(r.window, 'settings.models.migrate', { from: FLASH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const choices = (c: Catalogue) => c.map((m) => [m.id, m.enabled, m.isDefault]);
    expect(choices(catalogueOf(r))).toEqual(choices(DEFAULT_CATALOGUE));
    expect(auditOf(r, 'settings.models.migrate')).toEqual([]);
  });
});
