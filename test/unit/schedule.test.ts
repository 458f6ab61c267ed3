import { describe, expect, it } from 'vitest';
import {
  afterRateLimit,
  estimateOfJob,
  pickNext,
  type QueueState,
  SPEND_WINDOW_MS,
  spendInWindow,
  type WaitingJob,
  waitStateOf,
} from '../../src/main/services/jobs/schedule';

const NOW = 1_000_000_000;

function job(id: string, userId: string, createdAt: number, extra: Partial<WaitingJob> = {}): WaitingJob {
  return { id, userId, kind: 'image', family: 'gemini-image', createdAt, notBefore: null, estimateMicros: 0, ...extra };
}

function state(extra: Partial<QueueState> = {}): QueueState {
  return {
    now: NOW,
    lastStartByUser: new Map(),
    familyPausedUntil: new Map(),
    spend: { limitMicros: null, started: [] },
    canStart: () => true,
    ...extra,
  };
}

/** Starts jobs one by one the way the runner does, returning the order of ids. */
function drain(waiting: WaitingJob[], base: Partial<QueueState> = {}): string[] {
  const left = new Map(waiting.map((j) => [j.id, j]));
  const last = new Map<string, number>();
  const order: string[] = [];
  for (let seq = 1; left.size; seq++) {
    const pick = pickNext(left.values(), state({ ...base, lastStartByUser: last }));
    if (!pick.job) break;
    order.push(pick.job.id);
    left.delete(pick.job.id);
    last.set(pick.job.userId, seq);
  }
  return order;
}

describe('pickNext: round-robin across people', () => {
  it('starts the images of one click (made in the same millisecond) in the order they were asked for', () => {
    // ids sort the other way round: the order must come from the queue, not from the ids
    const batch = ['z-first', 'm-second', 'a-third', '0-fourth'].map((id) => job(id, 'A', 5));
    expect(drain(batch)).toEqual(['z-first', 'm-second', 'a-third', '0-fourth']);
  });

  it('alternates between people, oldest first within a person, whoever queued first', () => {
    const waiting = [
      ...[1, 2, 3, 4, 5].map((i) => job(`a${i}`, 'A', i)),
      ...[1, 2, 3].map((i) => job(`b${i}`, 'B', 10 + i)),
      ...[1, 2].map((i) => job(`c${i}`, 'C', 20 + i)),
    ];
    expect(drain(waiting)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'c2', 'a3', 'b3', 'a4', 'a5']);
  });

  it('someone who has not started a job yet goes before everyone who has', () => {
    const pick = pickNext([job('a', 'A', 1), job('d', 'D', 50)], state({ lastStartByUser: new Map([['A', 1]]) }));
    expect(pick.job?.id).toBe('d');
  });

  it('a person whose oldest job cannot start yet offers their next one (a video over its share lets an image pass)', () => {
    const waiting = [job('v', 'A', 1, { kind: 'video', family: 'veo' }), job('i', 'A', 2), job('b', 'B', 3)];
    const pick = pickNext(waiting, state({ canStart: (slot) => slot === 'image', lastStartByUser: new Map([['B', 5]]) }));
    expect(pick.job?.id).toBe('i');
  });

  it('answers nothing, without a wake time, when only a slot is missing', () => {
    expect(pickNext([job('a', 'A', 1)], state({ canStart: () => false }))).toEqual({ job: null, wakeAt: null });
  });
});

describe("pickNext: Google's rate limit", () => {
  it('holds a job back until its own 429 delay has passed, and wakes then', () => {
    const waiting = [job('a', 'A', 1, { notBefore: NOW + 17_000 })];
    expect(pickNext(waiting, state())).toEqual({ job: null, wakeAt: NOW + 17_000 });
    expect(pickNext(waiting, state({ now: NOW + 17_000 })).job?.id).toBe('a');
  });

  it('holds back the whole family while it is rate-limited, not the other families', () => {
    const paused = state({ familyPausedUntil: new Map([['gemini-image', NOW + 5_000]]) });
    const waiting = [job('img', 'A', 1), job('omni', 'B', 2, { kind: 'video', family: 'omni' })];
    expect(pickNext(waiting, paused).job?.id).toBe('omni');
    expect(pickNext([waiting[0]!], paused)).toEqual({ job: null, wakeAt: NOW + 5_000 });
    expect(waitStateOf(waiting[0]!, paused)).toEqual({ reason: 'rateLimit', until: NOW + 5_000 });
  });
});

describe('pickNext: the spend limit per 10 minutes', () => {
  const spend = (limitMicros: number | null, started: { at: number; micros: number }[]) => state({ spend: { limitMicros, started } });

  it('starts a job only while its estimate fits beside what started in the window', () => {
    const window = [
      { at: NOW - 9 * 60_000, micros: 40_000 },
      { at: NOW - 60_000, micros: 40_000 },
    ];
    expect(pickNext([job('a', 'A', 1, { estimateMicros: 20_000 })], spend(100_000, window)).job?.id).toBe('a');
    const tooDear = job('b', 'A', 1, { estimateMicros: 30_000 });
    // the older 40 000 leaves the window in one minute: then 40 000 + 30 000 fits
    expect(pickNext([tooDear], spend(100_000, window))).toEqual({ job: null, wakeAt: NOW - 9 * 60_000 + SPEND_WINDOW_MS });
    expect(waitStateOf(tooDear, spend(100_000, window))).toEqual({ reason: 'spendLimit', until: NOW + 60_000 });
    expect(pickNext([tooDear], spend(100_000, window.slice(1))).job?.id).toBe('b');
  });

  it('lets a cheaper job of someone else pass one that does not fit', () => {
    const window = [{ at: NOW - 1_000, micros: 90_000 }];
    const pick = pickNext([job('dear', 'A', 1, { estimateMicros: 50_000 }), job('cheap', 'B', 2, { estimateMicros: 5_000 })], spend(100_000, window));
    expect(pick.job?.id).toBe('cheap');
  });

  it('a job dearer than the whole limit still starts alone once the window is empty', () => {
    const huge = job('huge', 'A', 1, { estimateMicros: 5_000_000 });
    expect(pickNext([huge], spend(100_000, [])).job?.id).toBe('huge');
    expect(pickNext([huge], spend(100_000, [{ at: NOW - 1_000, micros: 1 }]))).toEqual({ job: null, wakeAt: NOW - 1_000 + SPEND_WINDOW_MS });
  });

  it('counts only the last 10 minutes, and nothing when the limit is off', () => {
    expect(
      spendInWindow(
        [
          { at: NOW - SPEND_WINDOW_MS, micros: 7 },
          { at: NOW - 1, micros: 5 },
        ],
        NOW,
      ),
    ).toBe(5);
    expect(pickNext([job('a', 'A', 1, { estimateMicros: 10 ** 9 })], spend(null, [{ at: NOW, micros: 10 ** 9 }])).job?.id).toBe('a');
  });
});

describe('afterRateLimit', () => {
  const maxWaitMs = 30 * 60_000;
  it("waits Google's delay when it names one", () => {
    expect(afterRateLimit({ now: NOW, since: NOW, retryAfterMs: 17_000, maxWaitMs })).toEqual({ giveUp: false, notBefore: NOW + 17_000 });
  });

  it('otherwise backs off from 10 s, doubling with the time already waited, at most 5 minutes', () => {
    const delays = [0, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 640_000].map((waited) => {
      const next = afterRateLimit({ now: NOW + waited, since: NOW, retryAfterMs: undefined, maxWaitMs });
      return next.giveUp ? null : next.notBefore - (NOW + waited);
    });
    expect(delays).toEqual([10_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('makes a last attempt at the bound and gives up at the next refusal', () => {
    expect(afterRateLimit({ now: NOW + maxWaitMs - 5_000, since: NOW, retryAfterMs: 60_000, maxWaitMs })).toEqual({
      giveUp: false,
      notBefore: NOW + maxWaitMs,
    });
    expect(afterRateLimit({ now: NOW + maxWaitMs, since: NOW, retryAfterMs: 1_000, maxWaitMs })).toEqual({ giveUp: true });
  });
});

describe('estimateOfJob', () => {
  it('uses the figure stored at creation, else prices one request of the job with the shipped rules', () => {
    const base = { kind: 'image' as const, model: 'gemini-nano-banana-2.1', params: { imageSize: '4K' }, inputIds: [] };
    expect(estimateOfJob({ ...base, estimatedCostMicros: 123 })).toBe(123);
    expect(estimateOfJob(base)).toBe(113_400);
    expect(estimateOfJob({ ...base, params: {}, inputIds: ['x', 'y'] })).toBe(33_600 + 2 * 1_000);
    expect(estimateOfJob({ kind: 'video', model: 'gemini-omni-1.1-flash', params: { resolution: '720p', durationSeconds: 4 }, inputIds: [] })).toBe(
      400_000,
    );
    expect(estimateOfJob({ ...base, model: 'not-a-model' })).toBeNull();
  });
});
