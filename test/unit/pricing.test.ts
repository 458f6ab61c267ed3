import { describe, expect, it } from 'vitest';
import { costFromUsage, estimateCost, estimateText, formatUsd, priceRulesSchema } from '../../src/shared/domain/pricing';
import { estimateOrder } from '../../src/shared/domain/priceTable';
import { SHIPPED_PRICES } from '../../src/shared/domain/shippedPrices';
import { DEFAULT_CATALOGUE } from '../../src/shared/domain/models';

const banana = SHIPPED_PRICES['gemini-nano-banana-2.1']!;
const omni = SHIPPED_PRICES['gemini-omni-1.1-flash']!;
const veo = SHIPPED_PRICES['veo-3.1-generate-preview']!;

describe('the estimate before sending', () => {
  it('prices each image of a request at its size, and each input image it carries', () => {
    expect(estimateCost(banana, { kind: 'image', count: 1, imageSize: '1K', inputImages: 0 })?.microUsd).toBe(33_600);
    expect(estimateCost(banana, { kind: 'image', count: 4, imageSize: '4K', inputImages: 0 })?.microUsd).toBe(4 * 113_400);
    // an edit with a source and two references: three input images on each call
    expect(estimateCost(banana, { kind: 'edit', count: 2, imageSize: '2K', inputImages: 3 })?.microUsd).toBe(2 * (50_000 + 3 * 1_000));
  });

  it('changes with size and count, so the figure beside Generate follows the options', () => {
    const at = (imageSize: '1K' | '2K' | '4K', count: number) => estimateCost(banana, { kind: 'image', count, imageSize, inputImages: 0 })!.microUsd;
    expect(at('1K', 1)).toBeLessThan(at('2K', 1));
    expect(at('2K', 1)).toBeLessThan(at('4K', 1));
    expect(at('1K', 3)).toBe(3 * at('1K', 1));
  });

  it('prices a video per second at its resolution: an 8 s 4K Veo clip is $4.80, a 360p Omni draft cents', () => {
    expect(estimateCost(veo, { kind: 'video', resolution: '4k', durationSeconds: 8 })).toEqual({
      microUsd: 4_800_000,
      asOf: '2026-11-28',
      estimate: false,
    });
    expect(estimateCost(omni, { kind: 'video', resolution: '360p', durationSeconds: 8 })?.microUsd).toBe(240_000);
  });

  it('assumes the typical length, and says it is an estimate, when the model decides the duration', () => {
    const figure = estimateCost(veo, { kind: 'video', resolution: '720p' });
    expect(figure).toEqual({ microUsd: 8 * 400_000, asOf: '2026-11-28', estimate: true });
  });

  it('knows no price rather than guessing zero for a size or resolution the rules do not list', () => {
    expect(estimateCost(SHIPPED_PRICES['gemini-3.1-flash-lite-image']!, { kind: 'image', count: 1, imageSize: '4K', inputImages: 0 })).toBeNull();
    expect(estimateCost(SHIPPED_PRICES['veo-3.1-lite-generate-preview']!, { kind: 'video', resolution: '1080p', durationSeconds: 4 })).toBeNull();
  });
});

describe('the actual cost from Google’s usage report', () => {
  it('prices image output tokens at the image rate (1 290 tokens at $30 per million)', () => {
    expect(costFromUsage(banana, { imageOutputTokens: 1_290 })).toEqual({ microUsd: 38_700, asOf: '2026-11-28', estimate: false });
  });

  it('prices Omni video tokens (8 s at 720p ≈ 46 336 tokens at $17.50 per million)', () => {
    expect(costFromUsage(omni, { videoOutputTokens: 46_336 })?.microUsd).toBe(810_880);
  });

  it('falls back (null) when a reported count has no rate, or nothing was reported', () => {
    expect(costFromUsage(banana, { imageOutputTokens: 1_290, inputTokens: 200 })).toBeNull();
    expect(costFromUsage(banana, {})).toBeNull();
    expect(costFromUsage(banana, { imageOutputTokens: 0 })).toBeNull();
  });
});

describe('price rules as data', () => {
  it('ships valid rules for every model in the default catalogue', () => {
    for (const model of DEFAULT_CATALOGUE) {
      expect(SHIPPED_PRICES[model.id], model.id).toBeDefined();
      expect(priceRulesSchema.safeParse(SHIPPED_PRICES[model.id]).success).toBe(true);
    }
  });

  it('refuses a negative or fractional price and an undated rule', () => {
    expect(priceRulesSchema.safeParse({ asOf: '2026-11-28', source: 's', perImage: { '1K': -1 } }).success).toBe(false);
    expect(priceRulesSchema.safeParse({ asOf: '2026-11-28', source: 's', perImage: { '1K': 0.5 } }).success).toBe(false);
    expect(priceRulesSchema.safeParse({ source: 's' }).success).toBe(false);
  });

  it('shows money in dollars with cents, and sub-cent amounts as "< $0.01"', () => {
    expect(formatUsd(4_800_000, 'en-US')).toBe('$4.80');
    expect(formatUsd(33_600, 'en-US')).toBe('$0.03');
    expect(formatUsd(600, 'en-US')).toBe('< $0.01');
    expect(formatUsd(0, 'en-US')).toBe('$0.00');
  });
});

describe('the words beside Generate', () => {
  it('names the figure and what it buys', () => {
    const four = { kind: 'image', count: 4, imageSize: '4K', inputImages: 0 } as const;
    expect(estimateText(estimateCost(banana, four), four, 'en-US')).toBe('≈ $0.45 for 4 images');
    const video = { kind: 'video', resolution: '720p', durationSeconds: 8 } as const;
    expect(estimateText(estimateCost(veo, video), video, 'en-US')).toBe('≈ $3.20 for 8 s of video');
    expect(estimateText(null, { kind: 'edit', count: 1, inputImages: 1 }, 'en-US')).toBe('No price known for 1 edit');
  });

  it('is the same figure main stores on the job (estimateOrder)', () => {
    const order = { kind: 'image', count: 1, imageSize: '2K', inputImages: 1 } as const;
    expect(estimateOrder('gemini-3-pro-image', order, {})).toEqual(estimateCost(SHIPPED_PRICES['gemini-3-pro-image']!, order));
    expect(estimateOrder('a-model-nobody-priced', order, {})).toBeNull();
  });
});
