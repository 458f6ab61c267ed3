import { describe, expect, it, vi } from 'vitest';
import { StudioError } from '../../src/shared/contract/errors';
import { noAnswerWithin, withDeadline } from '../../src/main/services/gemini/callBudget';
import { studioErrorOf } from '../support/studioErrorOf';

/** A call that ignores its abort signal and never settles: what a deaf fetch looks like. */
const deaf = () => new Promise<never>(() => {});
const open = () => new AbortController().signal;

describe('a call under a deadline', () => {
  it('ends at its deadline even when the call ignores the abort, and still aborts the signal it was given', async () => {
    let given: AbortSignal | undefined;
    const error = await studioErrorOf(
      withDeadline(open(), { timeoutMs: 20, onTimeout: noAnswerWithin(20) }, ({ signal }) => {
        given = signal;
        return deaf();
      }),
    );
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'Google did not answer within 1 second.' });
    expect(given?.aborted).toBe(true);
  });

  it("ends on the caller's cancel, whatever the call does", async () => {
    const controller = new AbortController();
    const pending = withDeadline(controller.signal, { timeoutMs: 60_000, onTimeout: noAnswerWithin(60_000) }, deaf);
    controller.abort(new Error('person cancelled'));
    expect(await studioErrorOf(pending)).toMatchObject({ code: 'CANCELLED' });
    const already = await studioErrorOf(withDeadline(controller.signal, { timeoutMs: 60_000, onTimeout: noAnswerWithin(60_000) }, deaf));
    expect(already.code).toBe('CANCELLED');
  });

  it('a no-progress limit restarts with each sign of progress and ends a call that stops moving', async () => {
    vi.useFakeTimers();
    try {
      let progress!: () => void;
      const onStall = () => new StudioError('TIMEOUT', 'stalled');
      let outcome: StudioError | undefined;
      void studioErrorOf(
        withDeadline(open(), { timeoutMs: 60_000, onTimeout: noAnswerWithin(60_000), stallMs: 30, onStall }, (deadline) => {
          progress = deadline.progress;
          return deaf();
        }),
      ).then((error) => (outcome = error));
      await vi.advanceTimersByTimeAsync(0);
      for (let i = 0; i < 5; i++) {
        await vi.advanceTimersByTimeAsync(20);
        progress();
      }
      await vi.advanceTimersByTimeAsync(0);
      expect(outcome).toBeUndefined(); // 100 ms in, past the 30 ms limit, but it kept moving
      await vi.advanceTimersByTimeAsync(30);
      expect(outcome?.message).toBe('stalled');
    } finally {
      vi.useRealTimers();
    }
  });

  it("returns the call's answer and passes its own error through", async () => {
    expect(await withDeadline(open(), { timeoutMs: 1000, onTimeout: noAnswerWithin(1000) }, async () => 'ok')).toBe('ok');
    const own = new StudioError('PROVIDER_ERROR', 'Google had a problem (503). Try again later.');
    expect(await studioErrorOf(withDeadline(open(), { timeoutMs: 1000, onTimeout: noAnswerWithin(1000) }, () => Promise.reject(own)))).toBe(own);
  });
});
