/**
 * What choosing the next job costs: `schedule_pick_us` is one `pickNext` (jobs/schedule.ts) with
 * 1 000 jobs waiting across 50 people, every person with a place in the round-robin, a spend limit
 * on with 100 jobs started in the window, one family rate-limited and videos over their slot share —
 * the work the runner does each time a slot frees. The median of many batches, in microseconds.
 */
import { pickNext, type QueueState, SPEND_WINDOW_MS, type WaitingJob } from '../src/main/services/jobs/schedule';
import { type Benchmark, type BenchResult, median } from './registry';

const WAITING = 1_000;
const PEOPLE = 50;
const BATCHES = 60;
const PICKS_PER_BATCH = 200;

export const scheduleBenchmark: Benchmark = {
  name: 'schedule',
  async run(): Promise<BenchResult[]> {
    const now = Date.UTC(2026, 10, 30, 9);
    const families = ['gemini-image', 'veo', 'omni'] as const;
    const waiting: WaitingJob[] = Array.from({ length: WAITING }, (_, i) => {
      const family = families[i % 7 === 0 ? 1 + (i % 2) : 0]!;
      return {
        id: `job-${String(i).padStart(5, '0')}`,
        userId: `person-${i % PEOPLE}`,
        kind: family === 'gemini-image' ? 'image' : 'video',
        family,
        createdAt: now - (WAITING - i) * 1_000,
        // a few wait out their own 429
        notBefore: i % 50 === 0 ? now + 17_000 : null,
        estimateMicros: family === 'gemini-image' ? 33_600 : 800_000,
      };
    });
    const started = Array.from({ length: 100 }, (_, i) => ({ at: now - SPEND_WINDOW_MS + (i + 1) * 5_000, micros: 40_000 }));
    const state: QueueState = {
      now,
      lastStartByUser: new Map(Array.from({ length: PEOPLE }, (_, p) => [`person-${p}`, (p * 37) % PEOPLE])),
      familyPausedUntil: new Map([['veo', now + 30_000]]),
      spend: { limitMicros: 10_000_000, started },
      canStart: (slot) => slot === 'image',
    };
    let sink = 0;
    const perPick: number[] = [];
    for (let b = 0; b < BATCHES + 5; b++) {
      const start = process.hrtime.bigint();
      // a fresh state object each time, as the runner builds one per choice (no cached spend summary)
      for (let i = 0; i < PICKS_PER_BATCH; i++) sink += pickNext(waiting, { ...state }).job ? 1 : 0;
      const us = Number(process.hrtime.bigint() - start) / 1_000 / PICKS_PER_BATCH;
      if (b >= 5) perPick.push(us); // the first batches warm the JIT up
    }
    if (sink !== (BATCHES + 5) * PICKS_PER_BATCH) throw new Error('the benchmark picked nothing: its setup is wrong');
    return [{ name: 'schedule_pick_us', value: median(perPick), unit: 'us', digits: 1 }];
  },
};
