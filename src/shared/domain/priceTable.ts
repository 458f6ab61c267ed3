import { z } from 'zod';
import { budgetHold, type CostFigure, estimateCost, type MicroUsd, type PricedOrder, type PriceRules, priceRulesSchema } from './pricing';
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
  if (Object.hasOwn(overrides, modelId)) return { rules: overrides[modelId]!, edited: true };
  return Object.hasOwn(SHIPPED_PRICES, modelId) ? { rules: SHIPPED_PRICES[modelId]!, edited: false } : null;
}

/** The shipped rules of a model, if any: what "Back to the shipped prices" restores. */
export function shippedPriceRules(modelId: string): PriceRules | null {
  return Object.hasOwn(SHIPPED_PRICES, modelId) ? SHIPPED_PRICES[modelId]! : null;
}

/** The rules in force for a model (the admin's correction, else shipped), or null when no price is known. */
export function rulesInForce(modelId: string, overrides: PriceOverrides): PriceRules | null {
  return priceRulesFor(modelId, overrides)?.rules ?? null;
}

/**
 * The estimate of an order for a model: main stores and reserves it at create, and the generator
 * shows it beside Generate from the same rules (sent with the model list), so both always agree.
 * Null when no price is known.
 */
export function estimateOrder(modelId: string, order: PricedOrder, overrides: PriceOverrides): CostFigure | null {
  const rules = rulesInForce(modelId, overrides);
  return rules ? estimateCost(rules, order) : null;
}

/** The estimate of an order and what it sets aside against a budget while it runs (`budgetHold`); null when no price is known. */
export function estimateWithHold(
  modelId: string,
  order: PricedOrder,
  overrides: PriceOverrides,
): { estimate: CostFigure; holdMicros: MicroUsd } | null {
  const rules = rulesInForce(modelId, overrides);
  const estimate = rules ? estimateCost(rules, order) : null;
  return rules && estimate ? { estimate, holdMicros: budgetHold(rules, order, estimate) } : null;
}
