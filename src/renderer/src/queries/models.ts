import { useQuery } from '@tanstack/react-query';
import type { CatalogueModel } from '../../../shared/domain/models';
import type { PriceRules } from '../../../shared/domain/pricing';
import { call } from '../ipc/client';
import { queryKeys } from './keys';

/** The enabled catalogue models of one kind (one query for both kinds). */
export function useModels(kind: 'image' | 'video'): { models: CatalogueModel[]; isPending: boolean; error: unknown } {
  const query = useQuery({ queryKey: queryKeys.models, queryFn: () => call('generation.models.list') });
  return {
    models: (query.data?.models ?? []).filter((m) => m.kind === kind),
    isPending: query.isPending,
    error: query.error,
  };
}

/** The price rules main uses for the offered models (the same query as the models, so it costs nothing more). */
export function usePrices(): Record<string, PriceRules> {
  const query = useQuery({ queryKey: queryKeys.models, queryFn: () => call('generation.models.list') });
  return query.data?.prices ?? NO_PRICES;
}

const NO_PRICES: Record<string, PriceRules> = {};

export function pickModel(models: CatalogueModel[], id: string | undefined): CatalogueModel | undefined {
  return models.find((m) => m.id === id) ?? models.find((m) => m.isDefault) ?? models[0];
}
