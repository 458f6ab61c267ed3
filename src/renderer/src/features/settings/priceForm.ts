import { type CatalogueModel, IMAGE_SIZES } from '../../../../shared/domain/models';
import { MICRO_USD_PER_USD, type PriceRules, priceRulesSchema } from '../../../../shared/domain/pricing';

/**
 * The price editor's fields as the admin types them: dollars as text ("0.134"), one field per size
 * or resolution the model offers, and the token rates in dollars per million tokens. Building the
 * rules back checks every field and names the ones that are wrong.
 */
export interface PriceFormState {
  asOf: string;
  source: string;
  estimate: boolean;
  perImage: Record<string, string>;
  perInputImage: string;
  perSecond: Record<string, string>;
  typicalSeconds: string;
  tokens: { input: string; output: string; imageOutput: string; videoOutput: string };
}

export type PriceFormProblems = Partial<Record<string, string>>;

const TOKEN_FIELDS = ['input', 'output', 'imageOutput', 'videoOutput'] as const;
/** a dollar amount as typed: digits with up to six decimals (one micro-dollar) */
const DOLLARS = /^\d{1,4}(\.\d{1,6})?$/;

export function dollarsText(micro: number | undefined): string {
  if (micro === undefined) return '';
  return String(micro / MICRO_USD_PER_USD);
}

function microOf(text: string): number | null {
  const trimmed = text.trim().replace(/^\$/, '');
  if (!DOLLARS.test(trimmed)) return null;
  return Math.round(Number(trimmed) * MICRO_USD_PER_USD);
}

/** The sizes or resolutions a model's price fields cover: its own, plus any the rules price already. */
export function pricedSizes(model: CatalogueModel, rules: PriceRules | null): { images: string[]; resolutions: string[] } {
  if (model.kind === 'image') {
    const own = new Set<string>([...model.capabilities.imageSizes, ...Object.keys(rules?.perImage ?? {})]);
    return { images: IMAGE_SIZES.filter((s) => own.has(s)), resolutions: [] };
  }
  return { images: [], resolutions: [...new Set([...model.capabilities.resolutions, ...Object.keys(rules?.perSecond ?? {})])] };
}

export function priceFormOf(model: CatalogueModel, rules: PriceRules | null, today: string): PriceFormState {
  const sizes = pricedSizes(model, rules);
  return {
    asOf: today,
    source: rules?.source ?? '',
    estimate: rules?.estimate ?? false,
    perImage: Object.fromEntries(sizes.images.map((s) => [s, dollarsText(rules?.perImage[s as keyof PriceRules['perImage']])])),
    perInputImage: dollarsText(rules?.perInputImage),
    perSecond: Object.fromEntries(sizes.resolutions.map((r) => [r, dollarsText(rules?.perSecond[r])])),
    typicalSeconds: String(rules?.typicalSeconds ?? 8),
    tokens: {
      input: dollarsText(rules?.tokens.input),
      output: dollarsText(rules?.tokens.output),
      imageOutput: dollarsText(rules?.tokens.imageOutput),
      videoOutput: dollarsText(rules?.tokens.videoOutput),
    },
  };
}

/**
 * The rules the form describes, or the problems by field name ("perImage.1K", "tokens.input", …).
 * An empty price field means "not priced" (the estimate then says no price is known), never zero.
 */
export function buildPriceRules(
  form: PriceFormState,
): { rules: PriceRules; problems?: undefined } | { rules?: undefined; problems: PriceFormProblems } {
  const problems: PriceFormProblems = {};
  const money = (field: string, text: string): number | undefined => {
    if (text.trim() === '') return undefined;
    const micro = microOf(text);
    if (micro === null) problems[field] = 'a dollar amount like 0.134';
    return micro ?? undefined;
  };
  const perImage = Object.fromEntries(
    Object.entries(form.perImage)
      .map(([size, text]) => [size, money(`perImage.${size}`, text)] as const)
      .filter(([, v]) => v !== undefined),
  );
  const perSecond = Object.fromEntries(
    Object.entries(form.perSecond)
      .map(([resolution, text]) => [resolution, money(`perSecond.${resolution}`, text)] as const)
      .filter(([, v]) => v !== undefined),
  );
  const tokens = Object.fromEntries(TOKEN_FIELDS.map((k) => [k, money(`tokens.${k}`, form.tokens[k])] as const).filter(([, v]) => v !== undefined));
  const perInputImage = money('perInputImage', form.perInputImage) ?? 0;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.asOf)) problems.asOf = 'a date like 2026-11-28';
  if (form.source.trim() === '') problems.source = 'say where these prices come from';
  const seconds = Number(form.typicalSeconds);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) problems.typicalSeconds = 'whole seconds from 1 to 600';
  if (Object.keys(problems).length > 0) return { problems };
  const parsed = priceRulesSchema.safeParse({
    asOf: form.asOf,
    source: form.source.trim(),
    estimate: form.estimate,
    perImage,
    perInputImage,
    perSecond,
    typicalSeconds: seconds,
    tokens,
  });
  if (!parsed.success) return { problems: { form: parsed.error.issues[0]?.message ?? 'These prices cannot be saved.' } };
  return { rules: parsed.data };
}

/** A unit price as admins read it on price lists: "$0.0336", "$0.40" (two to four decimals). */
export function priceText(micro: number): string {
  return `$${(micro / MICRO_USD_PER_USD).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
}

/** One line per model for the prices table: "1K $0.0336 · 2K $0.05 · 4K $0.1134 per image". */
export function priceSummary(rules: PriceRules): string {
  const images = Object.entries(rules.perImage).map(([size, micro]) => `${size} ${priceText(micro)}`);
  if (images.length) return `${images.join(' · ')} per image`;
  const seconds = Object.entries(rules.perSecond).map(([r, micro]) => `${r === '4k' ? '4K' : r} ${priceText(micro)}`);
  if (seconds.length) return `${seconds.join(' · ')} per second`;
  return 'No unit prices';
}
