import { useQuery } from '@tanstack/react-query';
import type { CatalogueModel } from '../../../shared/domain/models';
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

export function pickModel(models: CatalogueModel[], id: string | undefined): CatalogueModel | undefined {
  return models.find((m) => m.id === id) ?? models.find((m) => m.isDefault) ?? models[0];
}
