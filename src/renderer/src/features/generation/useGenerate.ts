import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { queryKeys } from '../../queries/keys';
import { newClickKey } from './clickKey';

/**
 * Wraps a generation call: one idempotency key per logical click (kept while a request is in
 * flight, so a second press sends the same key), and the queue refreshed when jobs are created.
 */
export function useGenerate<I>(send: (input: I & { idempotencyKey: string }) => Promise<{ jobIds: string[] }>) {
  const queryClient = useQueryClient();
  const pendingKey = useRef<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: I) => {
      pendingKey.current ??= newClickKey();
      return send({ ...input, idempotencyKey: pendingKey.current });
    },
    onSettled: () => {
      pendingKey.current = null;
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs });
      void queryClient.invalidateQueries({ queryKey: queryKeys.quotaStatus });
    },
  });
  return {
    generate: (input: I) => mutation.mutate(input),
    isPending: mutation.isPending,
    error: mutation.error ? (isStudioError(mutation.error) ? mutation.error.message : 'The request failed.') : null,
    reset: mutation.reset,
  };
}
