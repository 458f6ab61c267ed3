import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { newClickKey } from './clickKey';

/**
 * Wraps a generation call: one idempotency key per logical click (kept while a request is in
 * flight, so a second press sends the same key). Nothing is refetched afterwards: main announces
 * the new jobs (`job.updated`) and the reserved quota (`quota.changed`), and queries/liveUpdates.ts
 * writes both into the cache — one click, one request.
 */
export function useGenerate<I>(send: (input: I & { idempotencyKey: string }) => Promise<{ jobIds: string[] }>) {
  const pendingKey = useRef<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: I) => {
      pendingKey.current ??= newClickKey();
      return send({ ...input, idempotencyKey: pendingKey.current });
    },
    onSettled: () => {
      pendingKey.current = null;
    },
  });
  return {
    generate: (input: I) => mutation.mutate(input),
    isPending: mutation.isPending,
    error: mutation.error ? (isStudioError(mutation.error) ? mutation.error.message : 'The request failed.') : null,
    reset: mutation.reset,
  };
}
