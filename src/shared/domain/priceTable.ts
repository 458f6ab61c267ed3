import { z } from 'zod';
import { type PriceRules, priceRulesSchema } from './pricing';
import { SHIPPED_PRICES } from './shippedPrices';

/** Prices an admin has corrected, by model id; they win over the shipped ones (docs/models-and-money.md). */
export const priceOverridesSchema = z.record(z.string().max(100), priceRulesSchema).refine((o) => Object.keys(o).length <= 200, 'at most 200 models');
export type PriceOverrides = z.infer<typeof priceOverridesSchema>;

export interface PriceEntry {
  rules: PriceRules;
  /** true when an admin's correction is in force rather than the shipped prices */
  edited: boolean;
}

/**
 * The price rules in force for a model: the admin's correction, else what the studio ships, else
 * null ("no price known" — never zero). Every estimate, reservation and actual cost looks prices up
 * here, so a correction changes all of them at once and never what a past job recorded.
 */
export function priceRulesFor(modelId: string, overrides: PriceOverrides): PriceEntry | null {
  const edited = overrides[modelId];
  if (edited) return { rules: edited, edited: true };
  const shipped = SHIPPED_PRICES[modelId];
  return shipped ? { rules: shipped, edited: false } : null;
}

/** The shipped rules of a model, if any: what "Back to the shipped prices" restores. */
export function shippedPriceRules(modelId: string): PriceRules | null {
  return SHIPPED_PRICES[modelId] ?? null;
}
