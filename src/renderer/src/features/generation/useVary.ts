import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isStudioError } from '../../../../shared/contract/errors';
import { call } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';
import { useToasts } from '../../stores/toasts';
import { newClickKey } from './clickKey';
import { type VarySource, varyRequest, withoutUnset } from './vary';

/**
 * Sends a result's request again for one new result. Like Generate, nothing is refetched: main
 * announces the new job and the reserved quota, and the canvas shows it at once.
 */
export function useVary() {
  const push = useToasts((s) => s.push);
  const client = useQueryClient();
  const mutation = useMutation({
    // a result tile knows only the item's id: what it was made with comes from its details
    mutationFn: async (what: VarySource | string) => {
      const source =
        typeof what === 'string'
          ? await client.fetchQuery({ queryKey: queryKeys.mediaItem(what), queryFn: () => call('media.get', { id: what }) })
          : what;
      const request = varyRequest(source);
      if (!request) throw new Error('nothing to vary');
      const input = { ...withoutUnset(request.input), idempotencyKey: newClickKey() };
      // one union member per route keeps each call typed by its own contract entry
      if (request.route === 'generation.image.create') return call(request.route, input as typeof request.input);
      if (request.route === 'generation.image.edit') return call(request.route, input as typeof request.input);
      return call(request.route, input as typeof request.input);
    },
    onError: (error) => push({ tone: 'error', message: isStudioError(error) ? error.message : 'The variation could not be started.' }),
  });
  return { vary: (what: VarySource | string) => mutation.mutate(what), isPending: mutation.isPending };
}
