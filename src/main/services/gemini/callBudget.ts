import type { AbortReason } from './errors';

/**
 * One signal for a call that ends on the caller's cancel or on our own deadline, whichever comes
 * first — and the memory of which it was: the SDK reports both as the same AbortError
 * (GEMINI-API.md §9), but the person must be told "timed out" or "cancelled" correctly.
 */
export function callBudget(cancel: AbortSignal, timeoutMs: number): { signal: AbortSignal; reason: () => AbortReason | undefined } {
  const deadline = AbortSignal.timeout(timeoutMs);
  return {
    signal: AbortSignal.any([cancel, deadline]),
    reason: () => (cancel.aborted ? 'cancelled' : deadline.aborted ? 'timeout' : undefined),
  };
}
