import { useMutation } from '@tanstack/react-query';
import type { RouteInput } from '../../../shared/contract/types';
import { call } from '../ipc/client';
import { queryKeys } from './keys';
import { queryClient } from './queryClient';

/**
 * Hands a model over to its successor, or to the model named (the banner's "Make it the default").
 * The generators' model list and the audit log change with it.
 */
export function useMigrateModel() {
  return useMutation({
    mutationFn: (input: RouteInput<'settings.models.migrate'>) => call('settings.models.migrate', input),
    onSuccess: () =>
      Promise.all([queryKeys.settings, queryKeys.audit, queryKeys.models].map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(
        () => undefined,
      ),
  });
}
