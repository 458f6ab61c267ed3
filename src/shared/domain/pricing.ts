import { z } from 'zod';
import { IMAGE_SIZES, type ImageSize } from './models';

/**
 * Money in the studio is counted in integer micro-dollars (1 USD = 1 000 000): sums and budgets stay
 * exact, and the cheapest unit Google bills (a fraction of a cent per image token batch) still fits.
 */
export type MicroUsd = number;
export const MICRO_USD_PER_USD = 1_000_000;

const microUsd = z
  .number()
  .int()
  .min(0)
  .max(1_000 * MICRO_USD_PER_USD);
const perMillionTokens = microUsd.describe('micro-dollars per one million tokens');

/**
 * One model's price rules, as data an admin can correct when Google changes them. Per-unit prices
 * (per output image by size, per second of video by resolution) give the estimate before sending;
 * token rates, where known, turn Google's usage report into the actual cost afterwards.
 */
export const priceRulesSchema = z.object({
  /** the day these prices were read (YYYY-MM-DD) */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-28'),
  /** where they come from, for the admin who checks them */
  source: z.string().min(1).max(200),
  /** true where the source itself calls the figure an estimate */
  estimate: z.boolean().default(false),
  /** images: per output image, by size */
  perImage: z.partialRecord(z.enum(IMAGE_SIZES), microUsd).default({}),
  /** images: per input image (source or reference) sent with the prompt */
  perInputImage: microUsd.default(0),
  /** videos: per second of output, by resolution ('720p', '4k', …) */
  perSecond: z.record(z.string().regex(/^\d{3,4}p$|^4k$/), microUsd).default({}),
  /** videos whose length the model decides: the seconds an estimate assumes */
  typicalSeconds: z.number().int().min(1).max(600).default(8),
  /** token rates for the actual cost from Google's usage report */
  tokens: z
    .object({
      input: perMillionTokens.optional(),
      output: perMillionTokens.optional(),
      imageOutput: perMillionTokens.optional(),
      videoOutput: perMillionTokens.optional(),
    })
    .default({}),
});
export type PriceRules = z.infer<typeof priceRulesSchema>;

/** What a person asks for, as far as the price depends on it. */
export type PricedOrder =
  | { kind: 'image' | 'edit'; count: number; imageSize?: ImageSize; inputImages: number }
  | { kind: 'video'; resolution?: string; durationSeconds?: number };

export interface CostFigure {
  microUsd: MicroUsd;
  /** the price rules' date, stored with the job so a later price change does not rewrite history */
  asOf: string;
  /** the figure rests on a price the source marks as an estimate, or on an assumed video length */
  estimate: boolean;
}

/** The size or resolution a model is priced at when the order names none (the model's default). */
const DEFAULT_IMAGE_SIZE: ImageSize = '1K';
const DEFAULT_RESOLUTION = '720p';

/**
 * The price of an order before it is sent: the one function both the generator's "≈ $0.40" and the
 * ledger's reservation use. Null when the rules do not price this size or resolution — the caller
 * says "no price known" rather than guessing zero.
 */
export function estimateCost(rules: PriceRules, order: PricedOrder): CostFigure | null {
  if (order.kind === 'video') {
    const perSecond = rules.perSecond[order.resolution ?? DEFAULT_RESOLUTION];
    if (perSecond === undefined) return null;
    const seconds = order.durationSeconds ?? rules.typicalSeconds;
    return { microUsd: perSecond * seconds, asOf: rules.asOf, estimate: rules.estimate || order.durationSeconds === undefined };
  }
  const perImage = rules.perImage[order.imageSize ?? DEFAULT_IMAGE_SIZE];
  if (perImage === undefined) return null;
  const count = Math.max(1, order.count);
  // every image of a request is its own call to Google, each carrying the input images again
  const microUsdTotal = count * (perImage + order.inputImages * rules.perInputImage);
  return { microUsd: microUsdTotal, asOf: rules.asOf, estimate: rules.estimate };
}

/**
 * How much more than its estimate a job may be charged when Google's usage report decides its actual
 * cost: a recorded 1K Nano Banana 2.1 image reported 1 290 image tokens where the list price assumes
 * about 1 120 (+15 %). The budget sets the estimate plus this much aside while the job runs.
 */
export const USAGE_HOLD_MARGIN = 0.25;

/**
 * What a job sets aside against a budget while it runs (docs/models-and-money.md, "Budgets"): its
 * estimate, plus USAGE_HOLD_MARGIN when its actual cost will come from Google's token counts (the rules
 * have a token rate for what it makes). Jobs admitted together then cannot overspend a budget by
 * more than what a job exceeds its own hold by; the unused part is given back when the job ends.
 */
export function budgetHold(rules: PriceRules, order: PricedOrder, estimate: CostFigure): MicroUsd {
  const rate = order.kind === 'video' ? (rules.tokens.videoOutput ?? rules.tokens.output) : (rules.tokens.imageOutput ?? rules.tokens.output);
  return rate === undefined ? estimate.microUsd : Math.ceil(estimate.microUsd * (1 + USAGE_HOLD_MARGIN));
}

/** Token counts as Google reports them after a call (generateContent usageMetadata, interactions usage). */
export interface ReportedUsage {
  inputTokens?: number;
  /** output tokens not reported as image or video (text, thinking) */
  outputTokens?: number;
  imageOutputTokens?: number;
  videoOutputTokens?: number;
}

/**
 * What one call actually cost, from Google's own usage report, where the rules have a rate for
 * every token count reported; otherwise null and the caller falls back to the estimate.
 */
export function costFromUsage(rules: PriceRules, usage: ReportedUsage): CostFigure | null {
  const parts: [number | undefined, number | undefined][] = [
    [usage.inputTokens, rules.tokens.input],
    [usage.imageOutputTokens, rules.tokens.imageOutput ?? rules.tokens.output],
    [usage.videoOutputTokens, rules.tokens.videoOutput ?? rules.tokens.output],
    [usage.outputTokens, rules.tokens.output],
  ];
  const reported = parts.filter(([tokens]) => tokens !== undefined && tokens > 0);
  if (reported.length === 0 || reported.some(([, rate]) => rate === undefined)) return null;
  // rates are per million tokens: round once at the end so many small calls do not drift
  const total = reported.reduce((sum, [tokens, rate]) => sum + tokens! * rate!, 0) / 1_000_000;
  return { microUsd: Math.round(total), asOf: rules.asOf, estimate: false };
}

/** "$0.40", "$4.80", "< $0.01" — the way the studio shows money (the workstation's locale decides separators). */
export function formatUsd(amount: MicroUsd, locale?: string): string {
  if (amount > 0 && amount < 10_000) return `< ${formatUsd(10_000, locale)}`;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    amount / MICRO_USD_PER_USD,
  );
}

/**
 * The words beside Generate: "≈ $0.40 for 4 images", "≈ $3.20 for 8 s of video", or the plain fact
 * that no price is known. `≈` always: every figure is an estimate until Google reports the usage.
 */
export function estimateText(figure: CostFigure | null, order: PricedOrder, locale?: string): string {
  const what =
    order.kind === 'video'
      ? order.durationSeconds
        ? `${order.durationSeconds} s of video`
        : 'a video'
      : order.count === 1
        ? order.kind === 'edit'
          ? '1 edit'
          : '1 image'
        : `${order.count} ${order.kind === 'edit' ? 'edits' : 'images'}`;
  if (!figure) return `No price known for ${what}`;
  return `≈ ${formatUsd(figure.microUsd, locale)} for ${what}`;
}
