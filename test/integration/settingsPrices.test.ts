import { afterEach, describe, expect, it } from 'vitest';
import type { PriceRules } from '../../src/shared/domain/pricing';
import { SHIPPED_PRICES } from '../../src/shared/domain/shippedPrices';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

/** Prices are data an admin corrects (docs/models-and-money.md): Settings → Prices, audited, reversible. */

let t: TestCore;
afterEach(async () => t?.cleanup());

const BANANA = 'gemini-nano-banana-2.1';
const corrected: PriceRules = {
  ...SHIPPED_PRICES[BANANA]!,
  asOf: '2026-12-01',
  source: 'Our Google Cloud invoice',
  estimate: false,
  perImage: { '1K': 40_000 },
};

async function adminCore() {
  t = await startTestCore();
  const adminId = seedUser(t.core, { email: 'admin@lab.org', role: 'admin' });
  signInAs(t.core, 'admin-window', adminId);
  signInAs(t.core, 'user-window', seedUser(t.core, { email: 'user@lab.org', managedBy: [adminId] }));
}

describe('prices an admin corrects', () => {
  it('start as the shipped prices of every catalogue model', async () => {
    await adminCore();
    const settings = await t.call('admin-window', 'settings.get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    expect(settings.data.prices[BANANA]).toEqual({ rules: SHIPPED_PRICES[BANANA], edited: false });
    for (const model of settings.data.catalogue) expect(settings.data.prices[model.id]).toBeDefined();
  });

  it('a correction is in force and marked as edited; "back to shipped" drops it; both are audited', async () => {
    await adminCore();
    const saved = await t.call('admin-window', 'settings.prices.update', { modelId: BANANA, rules: corrected });
    expect(saved).toMatchObject({ ok: true, data: { prices: { [BANANA]: { rules: corrected, edited: true } } } });

    const restored = await t.call('admin-window', 'settings.prices.update', { modelId: BANANA, rules: null });
    expect(restored).toMatchObject({ ok: true, data: { prices: { [BANANA]: { rules: SHIPPED_PRICES[BANANA], edited: false } } } });

    const audit = await t.call('admin-window', 'audit.list', { action: 'settings.prices.update' });
    if (!audit.ok) throw new Error(audit.error.message);
    expect(audit.data.items.map((e) => e.details?.['shipped'])).toEqual([true, false]);
    expect(audit.data.items[1]?.details).toMatchObject({ modelId: BANANA, before: SHIPPED_PRICES[BANANA], after: corrected });
  });

  it('refuses a model outside the catalogue, a negative price, and a person who is not an admin, changing nothing', async () => {
    await adminCore();
    expect(await t.call('admin-window', 'settings.prices.update', { modelId: 'gemini-9-ultra', rules: corrected })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gemini-9-ultra is not in the catalogue.' },
    });
    expect(
      await t.call('admin-window', 'settings.prices.update', { modelId: BANANA, rules: { ...corrected, perImage: { '1K': -5 } } }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.call('user-window', 'settings.prices.update', { modelId: BANANA, rules: corrected })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const settings = await t.call('admin-window', 'settings.get', {});
    expect(settings).toMatchObject({ ok: true, data: { prices: { [BANANA]: { edited: false } } } });
  });
});

describe('a corrected price in use', () => {
  let rig: GenerationRig | undefined;
  afterEach(async () => {
    await rig?.close();
    await rig?.fake.close();
    rig = undefined;
  });

  it('is what the next job is estimated at and what the model list sends the generator; jobs made before keep theirs', async () => {
    const r = (rig = await startGenerationRig());
    const adminId = seedUser(r.core, { email: 'head@lab.org', role: 'admin' });
    signInAs(r.core, 'admin-window', adminId);
    const before = await r.ok('generation.image.create', { prompt: 'A lighthouse', model: BANANA, imageSize: '1K' });

    const saved = await r.call('admin-window', 'settings.prices.update', { modelId: BANANA, rules: corrected });
    expect(saved.ok).toBe(true);
    expect((await r.ok('generation.models.list')).prices[BANANA]).toEqual(corrected);
    const after = await r.ok('generation.image.create', { prompt: 'A lighthouse', model: BANANA, imageSize: '1K' });

    const jobs = await r.settle();
    expect(jobs.get(before.jobIds[0]!)).toMatchObject({ estimatedCostMicros: SHIPPED_PRICES[BANANA]!.perImage['1K'] });
    expect(jobs.get(after.jobIds[0]!)).toMatchObject({ estimatedCostMicros: 40_000 });
  });
});
