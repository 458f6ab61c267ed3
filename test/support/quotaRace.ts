import { StudioError } from '../../src/shared/contract/errors';
import type { QuotaLedger } from '../../src/main/services/quotas/quotaLedger';

export interface RaceResult {
  granted: number;
  refused: number;
  errors: string[];
}

/**
 * One racer's loop. Racers advance in lockstep rounds (a barrier over shared memory), so every
 * round has all of them reserving at the same moment on their own connections: the overlap is
 * built into the test rather than left to thread start-up timing.
 *
 * `progress` is an Int32Array over a SharedArrayBuffer with one slot per racer: the number of
 * rounds that racer has finished.
 */
export function raceInLockstep(
  ledger: QuotaLedger,
  options: { userId: string; attempts: number; tag: string; index: number; progress: Int32Array },
): RaceResult {
  const { progress, index } = options;
  const result: RaceResult = { granted: 0, refused: 0, errors: [] };
  // A racer that died would block the others forever (and a blocked main thread cannot time out).
  const deadline = Date.now() + 30_000;
  for (let round = 0; round < options.attempts; round++) {
    while (minimum(progress) < round) {
      if (Date.now() > deadline) throw new Error(`racer ${index} waited 30 s for the others at round ${round}`);
      Atomics.wait(progress, index, round, 1);
    }
    try {
      ledger.reserve({ userId: options.userId, kind: 'image', units: 1, jobId: `${options.tag}-${round}` });
      result.granted++;
    } catch (error) {
      if (error instanceof StudioError && error.code === 'QUOTA_EXCEEDED') result.refused++;
      else result.errors.push(error instanceof Error ? error.message : String(error));
    }
    Atomics.store(progress, index, round + 1);
    for (let i = 0; i < progress.length; i++) Atomics.notify(progress, i);
  }
  return result;
}

function minimum(values: Int32Array): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) min = Math.min(min, Atomics.load(values, i));
  return min;
}
