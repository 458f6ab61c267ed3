import { StudioError } from '../../../shared/contract/errors';

export interface CallDeadline {
  /** hand this to the SDK or fetch: aborted at the deadline or on the caller's cancel */
  signal: AbortSignal;
  /** the call made progress (a downloaded chunk): the no-progress limit counts again from now */
  progress: () => void;
}

export interface DeadlineOptions {
  /** the call's whole budget */
  timeoutMs: number;
  /** the error the call ends with at its deadline */
  onTimeout: () => StudioError;
  /** optional: also end when `progress()` was not called for this long */
  stallMs?: number;
  onStall?: () => StudioError;
}

/**
 * Runs one call to Google under a deadline that ENDS it, whether or not the SDK's fetch honours the
 * abort: the call is raced against our own timer and the caller's cancel, and the abort is only
 * passed on as a courtesy. Two reasons not to trust the signal alone:
 * - on Node 24 a fetch whose Request was built with `AbortSignal.any([..., AbortSignal.timeout()])`
 *   and then `.clone()`d (the Interactions client does both) stops aborting once garbage collection
 *   has run: the derived signals are held weakly, so a hung create or poll never ended, and a cancel
 *   answered ok while the job kept running;
 * - a hung request that ignores its signal would otherwise hold a parallel-job slot forever.
 * The AbortController is our own and this frame holds it for the call's whole life; the timer is a
 * plain setTimeout, never `AbortSignal.timeout` (which is collected with its signal).
 *
 * A cancel rejects with a CANCELLED StudioError (the runner reads the job signal's reason to tell a
 * shutdown from a person's cancel). A call still pending when the race is decided is left to settle
 * on its own; its outcome is ignored.
 */
export async function withDeadline<T>(cancel: AbortSignal, options: DeadlineOptions, call: (deadline: CallDeadline) => Promise<T>): Promise<T> {
  if (cancel.aborted) throw new StudioError('CANCELLED', 'Cancelled.');
  const controller = new AbortController();
  let fail!: (error: StudioError) => void;
  const ended = new Promise<never>((_resolve, reject) => {
    fail = reject;
  });
  // Reject first, then abort: the race is decided by our error, not by whatever the SDK makes of the abort.
  const end = (error: StudioError): void => {
    fail(error);
    controller.abort(error);
  };
  const onCancel = (): void => end(new StudioError('CANCELLED', 'Cancelled.'));
  cancel.addEventListener('abort', onCancel, { once: true });
  const timer = setTimeout(() => end(options.onTimeout()), options.timeoutMs);
  let stallTimer: ReturnType<typeof setTimeout> | undefined;
  const progress = (): void => {
    if (options.stallMs === undefined || controller.signal.aborted) return;
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => end((options.onStall ?? options.onTimeout)()), options.stallMs);
  };
  progress();
  const work = Promise.resolve().then(() => call({ signal: controller.signal, progress }));
  work.catch(() => {}); // lost the race: its late failure is nobody's business
  try {
    return await Promise.race([work, ended]);
  } finally {
    clearTimeout(timer);
    clearTimeout(stallTimer);
    cancel.removeEventListener('abort', onCancel);
    ended.catch(() => {});
  }
}

/** The plain "no answer in time" error of one call; `what` names the request when it is not the obvious one. */
export function noAnswerWithin(timeoutMs: number, what?: string): () => StudioError {
  return () => new StudioError('TIMEOUT', `Google did not answer${what ? ` ${what}` : ''} within ${seconds(timeoutMs)}.`, { timeoutMs });
}

export function seconds(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  return `${s} second${s === 1 ? '' : 's'}`;
}
