import { type PriceRules, priceRulesSchema } from './pricing';

/**
 * The prices the studio ships with, by model id (USD on Google's paid tier, late November 2026; see
 * docs/models-and-money.md). Google's own price pages were last readable in September, so
 * most figures come from third parties and several are marked estimates; admins correct them in
 * Settings, and the job records which dated rule it was priced with.
 */
const usd = (dollars: number): number => Math.round(dollars * 1_000_000);
const rules = (r: Parameters<typeof priceRulesSchema.parse>[0]): PriceRules => priceRulesSchema.parse(r);

const AS_OF = '2026-11-28';

export const SHIPPED_PRICES: Readonly<Record<string, PriceRules>> = {
  'gemini-nano-banana-2.1': rules({
    asOf: AS_OF,
    source: 'Third-party price lists, consistent for 1K and 4K; 2K derived from its token count',
    estimate: true,
    perImage: { '1K': usd(0.0336), '2K': usd(0.05), '4K': usd(0.1134) },
    perInputImage: usd(0.001),
    tokens: { imageOutput: usd(30) },
  }),
  'gemini-3.1-flash-image': rules({
    asOf: AS_OF,
    source: 'Third-party price lists',
    estimate: true,
    perImage: { '512': usd(0.045), '1K': usd(0.067), '2K': usd(0.101), '4K': usd(0.151) },
    perInputImage: usd(0.001),
    tokens: { imageOutput: usd(60) },
  }),
  'gemini-3-pro-image': rules({
    asOf: AS_OF,
    source: 'Google (event transcript)',
    perImage: { '1K': usd(0.134), '2K': usd(0.134), '4K': usd(0.24) },
    perInputImage: usd(0.002),
    tokens: { imageOutput: usd(120) },
  }),
  'gemini-3.1-flash-lite-image': rules({
    asOf: AS_OF,
    source: 'Derived: about half of Nano Banana 2',
    estimate: true,
    perImage: { '1K': usd(0.034) },
    perInputImage: usd(0.0006),
  }),
  'gemini-omni-1.1-flash': rules({
    asOf: AS_OF,
    source: 'Third-party price lists; billed as video tokens (about 5 792 a second at 720p)',
    estimate: true,
    perSecond: { '360p': usd(0.03), '720p': usd(0.1), '1080p': usd(0.15), '4k': usd(0.3) },
    typicalSeconds: 8,
    tokens: { videoOutput: usd(17.5) },
  }),
  'gemini-omni-1.2-flash': rules({
    asOf: AS_OF,
    source: 'Unconfirmed third-party figure at 720p',
    estimate: true,
    perSecond: { '720p': usd(0.07) },
    typicalSeconds: 8,
  }),
  'veo-3.1-generate-preview': rules({
    asOf: AS_OF,
    source: 'Google (event transcript)',
    perSecond: { '720p': usd(0.4), '1080p': usd(0.4), '4k': usd(0.6) },
  }),
  'veo-3.1-fast-generate-preview': rules({
    asOf: AS_OF,
    source: 'March 2026 figure, unconfirmed since',
    estimate: true,
    perSecond: { '720p': usd(0.15), '1080p': usd(0.15), '4k': usd(0.15) },
  }),
  'veo-3.1-lite-generate-preview': rules({
    asOf: AS_OF,
    source: 'Unconfirmed',
    estimate: true,
    perSecond: { '720p': usd(0.05) },
  }),
};
