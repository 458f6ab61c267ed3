import { describe, expect, it } from 'vitest';
import { type Catalogue, DEFAULT_CATALOGUE, defaultModel, migrateModel, replacedDefaults } from '../../src/shared/domain/models';
import { MODEL_SUCCESSORS, successorChain } from '../../src/shared/domain/modelSuccessors';
import { SHIPPED_PRICES } from '../../src/shared/domain/shippedPrices';

const gone = (catalogue: Catalogue, ...ids: string[]) => catalogue.map((m) => ({ ...m, missing: ids.includes(m.id) }));
const withDefault = (catalogue: Catalogue, id: string) =>
  catalogue.map((m) => (m.kind === catalogue.find((x) => x.id === id)!.kind ? { ...m, isDefault: m.id === id } : m));

describe('the shipped catalogue', () => {
  it('defaults to Nano Banana 2.1 and Omni 1.1 Flash, keeps older ids, and drops the shut-down 2.5 image model', () => {
    expect(DEFAULT_CATALOGUE.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['gemini-nano-banana-2.1', 'gemini-omni-1.1-flash']);
    const ids = DEFAULT_CATALOGUE.map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['gemini-3.1-flash-image', 'gemini-3-pro-image', 'gemini-3.1-flash-lite-image', 'gemini-omni-1.2-flash']),
    );
    expect(ids).not.toContain('gemini-2.5-flash-image');
    expect(DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-omni-1.2-flash')).toMatchObject({ enabled: false, isDefault: false });
    // Nano Banana 2.1 rejects 512; Nano Banana 2 still makes it
    expect(DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-nano-banana-2.1')?.capabilities.imageSizes).toEqual(['1K', '2K', '4K']);
    expect(DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-3.1-flash-image')?.capabilities.imageSizes).toContain('512');
  });

  it('has a price for every size and resolution a shipped model offers', () => {
    for (const m of DEFAULT_CATALOGUE) {
      const rules = SHIPPED_PRICES[m.id]!;
      for (const size of m.capabilities.imageSizes) expect(rules.perImage?.[size], `${m.id} ${size}`).toBeDefined();
      for (const res of m.capabilities.resolutions) expect(rules.perSecond?.[res], `${m.id} ${res}`).toBeDefined();
    }
  });
});

describe('successors', () => {
  it('are data: Nano Banana 2 and the retired 2.5 image model both lead to 2.1', () => {
    expect(MODEL_SUCCESSORS['gemini-3.1-flash-image']).toBe('gemini-nano-banana-2.1');
    expect(successorChain('gemini-2.5-flash-image')).toEqual(['gemini-nano-banana-2.1']);
    expect(successorChain('gemini-omni-flash-preview')).toEqual(['gemini-omni-1.1-flash', 'gemini-omni-1.2-flash']);
  });

  it('serve before the next model in the list when a default goes missing', () => {
    const old = withDefault(DEFAULT_CATALOGUE, 'gemini-3.1-flash-image');
    // put 2.1 last, where "the next offered model" would never reach it
    const reordered = [...old.filter((m) => m.id !== 'gemini-nano-banana-2.1'), old.find((m) => m.id === 'gemini-nano-banana-2.1')!];
    expect(defaultModel(gone(reordered, 'gemini-3.1-flash-image'), 'image')?.id).toBe('gemini-nano-banana-2.1');
    // with the successor gone too, the next offered model of the kind serves
    expect(defaultModel(gone(reordered, 'gemini-3.1-flash-image', 'gemini-nano-banana-2.1'), 'image')?.id).toBe('gemini-3-pro-image');
  });

  it('name the missing default and what serves instead, for the banner', () => {
    expect(replacedDefaults(DEFAULT_CATALOGUE)).toEqual([]);
    const [notice] = replacedDefaults(gone(DEFAULT_CATALOGUE, 'gemini-omni-1.1-flash'));
    // Omni 1.2 ships disabled, so Veo 3.1 serves
    expect([notice?.missing.id, notice?.servedBy?.id]).toEqual(['gemini-omni-1.1-flash', 'veo-3.1-generate-preview']);
    const none = DEFAULT_CATALOGUE.map((m) => (m.kind === 'video' && !m.isDefault ? { ...m, enabled: false } : m));
    expect(replacedDefaults(gone(none, 'gemini-omni-1.1-flash'))[0]?.servedBy).toBeNull();
  });

  it('a migration enables the successor, hands it the default and disables the old id', () => {
    const next = migrateModel(DEFAULT_CATALOGUE, 'gemini-omni-1.1-flash', 'gemini-omni-1.2-flash');
    expect(next.find((m) => m.id === 'gemini-omni-1.2-flash')).toMatchObject({ enabled: true, isDefault: true });
    expect(next.find((m) => m.id === 'gemini-omni-1.1-flash')).toMatchObject({ enabled: false, isDefault: false });
    expect(next.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['gemini-nano-banana-2.1', 'gemini-omni-1.2-flash']);
    // a non-default moves without touching the default
    const flash = migrateModel(DEFAULT_CATALOGUE, 'gemini-3.1-flash-image', 'gemini-nano-banana-2.1');
    expect(flash.filter((m) => m.isDefault).map((m) => m.id)).toEqual(['gemini-nano-banana-2.1', 'gemini-omni-1.1-flash']);
    expect(flash.find((m) => m.id === 'gemini-3.1-flash-image')?.enabled).toBe(false);
  });
});
