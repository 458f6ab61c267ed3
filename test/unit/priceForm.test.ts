import { describe, expect, it } from 'vitest';
import { buildPriceRules, priceFormOf, priceSummary } from '../../src/renderer/src/features/settings/priceForm';
import { DEFAULT_CATALOGUE } from '../../src/shared/domain/models';
import { SHIPPED_PRICES } from '../../src/shared/domain/shippedPrices';

const BANANA = DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-nano-banana-2.1')!;
const VEO = DEFAULT_CATALOGUE.find((m) => m.id === 'veo-3.1-fast-generate-preview')!;

describe('the price editor form', () => {
  it('round-trips the shipped rules of an image and a video model, with the new date', () => {
    for (const model of [BANANA, VEO]) {
      const shipped = SHIPPED_PRICES[model.id]!;
      const built = buildPriceRules(priceFormOf(model, shipped, '2026-12-01'));
      expect(built.rules).toEqual({ ...shipped, asOf: '2026-12-01' });
    }
  });

  it('offers a field for each size the model makes, empty when the rules do not price it', () => {
    const form = priceFormOf(BANANA, null, '2026-12-01');
    expect(Object.keys(form.perImage)).toEqual(['1K', '2K', '4K']);
    expect(form.perImage['1K']).toBe('');
  });

  it('leaves an emptied price out (no price known) instead of making it zero', () => {
    const form = priceFormOf(BANANA, SHIPPED_PRICES[BANANA.id]!, '2026-12-01');
    form.perImage['4K'] = '';
    expect(buildPriceRules(form).rules?.perImage).toEqual({ '1K': 33_600, '2K': 50_000 });
  });

  it('names each wrong field', () => {
    const form = priceFormOf(BANANA, SHIPPED_PRICES[BANANA.id]!, 'yesterday');
    form.perImage['2K'] = '5 cents';
    form.source = ' ';
    expect(buildPriceRules(form).problems).toEqual({
      'perImage.2K': 'a dollar amount like 0.134',
      asOf: 'a date like 2026-11-28',
      source: 'say where these prices come from',
    });
  });

  it('accepts a leading dollar sign and up to six decimals, and no more', () => {
    const form = priceFormOf(BANANA, SHIPPED_PRICES[BANANA.id]!, '2026-12-01');
    form.perImage['1K'] = '$0.040001';
    expect(buildPriceRules(form).rules?.perImage['1K']).toBe(40_001);
    form.perImage['1K'] = '0.0400001';
    expect(buildPriceRules(form).problems?.['perImage.1K']).toBeDefined();
  });

  it('summarises rules in one line per model', () => {
    expect(priceSummary(SHIPPED_PRICES[BANANA.id]!)).toBe('1K $0.0336 · 2K $0.05 · 4K $0.1134 per image');
    expect(priceSummary(SHIPPED_PRICES[VEO.id]!)).toMatch(/^720p \$[\d.]+ · 1080p \$[\d.]+ · 4K \$[\d.]+ per second$/);
  });
});
