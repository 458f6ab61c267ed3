import type { JobKind } from '../../../shared/domain/jobs';
import type { ModelFamily } from '../../../shared/domain/models';
import { estimateCost, type PricedOrder } from '../../../shared/domain/pricing';
import { SHIPPED_PRICES } from '../../../shared/domain/shippedPrices';
import type { SlotKind } from './slots';

/**
 * Which jobs' requests Google rate-limits together. A 429 on one of them holds back the others of
 * the same family until Google's delay has passed, instead of each being sent to hit the same 429.
 * The catalogue's model family is that grouping (image models / Veo / Omni), and a job carries it
 * as its `provider`.
 */
export type QueueFamily = ModelFamily;

export function queueFamilyOf(job: { provider: string }): QueueFamily {
  return job.provider as QueueFamily;
}

/** Google's spend limits are per rolling 10 minutes (docs/models-and-money.md). */
export const SPEND_WINDOW_MS = 10 * 60_000;

/**
 * How far back a restart looks for each person's last start (round-robin turns). Anyone whose last
 * start is older than this goes before everyone who started since, exactly as the live queue would
 * order them; only the order among those long-idle people is lost (they go oldest job first). A
 * week is far longer than any job waits to be sent (the rate-limit wait is at most a day), and it
 * keeps the start-up query to recent jobs instead of the whole history.
 */
export const ROUND_ROBIN_LOOKBACK_MS = 7 * 24 * 60 * 60_000;

/** Backoff after a 429 that named no delay: from 10 s, doubling with the time already waited, at most 5 minutes. */
const RATE_LIMIT_BACKOFF = { minMs: 10_000, maxMs: 5 * 60_000 } as const;

/** A job waiting for its turn: never sent, or sent and refused with a 429 (which Google does not bill). */
export interface WaitingJob {
  id: string;
  userId: string;
  kind: JobKind;
  family: QueueFamily;
  createdAt: number;
  /** not before this time (a 429's delay); null: as soon as it is its turn */
  notBefore: number | null;
  /** the job's estimated cost in micro-dollars (0 when no price is known) */
  estimateMicros: number;
}

/** A job that started within the spend window, with what it costs: its estimate while it runs, its actual cost once it ended. */
export interface StartedSpend {
  at: number;
  micros: number;
}

export interface QueueState {
  now: number;
  /**
   * the order of each person's last start (a counter, not a time: several jobs start in the same
   * millisecond); a person who never started one goes first
   */
  lastStartByUser: ReadonlyMap<string, number>;
  /** a family rate-limited by Google waits until then */
  familyPausedUntil: ReadonlyMap<QueueFamily, number>;
  /** the admin's "Google spend limit per 10 minutes" (null: off) and the jobs started in the window, oldest first */
  spend: { limitMicros: number | null; started: readonly StartedSpend[] };
  /** whether a free slot may take a job of this kind now (slots.ts: videos hold at most N − 1) */
  canStart: (slot: SlotKind) => boolean;
}

/** The next job to start, or none: then `wakeAt` is when one may become startable by time alone. */
export type Pick = { job: WaitingJob; wakeAt?: undefined } | { job: null; wakeAt: number | null };

/** Why a waiting job is not running, and until when (null: a slot must free). */
export type WaitState = { reason: 'slot'; until: null } | { reason: 'rateLimit' | 'spendLimit'; until: number };

export function slotKindOf(kind: JobKind): SlotKind {
  return kind === 'video' ? 'video' : 'image';
}

/**
 * Chooses the job to start next: round-robin across people (whoever started a job least recently
 * goes next; someone who has not started one yet before anyone who has), and within a person the
 * oldest job that can start now. A job can start when its own 429 delay has passed, its family is
 * not rate-limited, a slot of its kind is free, and its estimate fits in the spend limit.
 *
 * One pass over the waiting jobs (O(n + s) with s the jobs started in the window), no sorting.
 */
export function pickNext(waiting: Iterable<WaitingJob>, state: QueueState): Pick {
  const { now } = state;
  const spend = spendSummary(state);
  const imageOpen = state.canStart('image');
  const videoOpen = state.canStart('video');
  // each person's oldest startable job
  const candidate = new Map<string, WaitingJob>();
  let wakeAt: number | null = null;
  for (const job of waiting) {
    // cheap checks first: most jobs wait for nothing but their turn
    const paused = job.notBefore !== null && job.notBefore > now ? job.notBefore : 0;
    const familyUntil = state.familyPausedUntil.size ? (state.familyPausedUntil.get(job.family) ?? 0) : 0;
    let until = Math.max(paused, familyUntil > now ? familyUntil : 0);
    if (until === 0 && spend.limit !== null) {
      const at = spendFitsAt(job.estimateMicros, spend);
      if (at > now) until = at;
    }
    if (until !== 0) {
      wakeAt = wakeAt === null ? until : Math.min(wakeAt, until);
      continue;
    }
    if (!(job.kind === 'video' ? videoOpen : imageOpen)) continue;
    const best = candidate.get(job.userId);
    if (!best || olderThan(job, best)) candidate.set(job.userId, job);
  }
  let next: WaitingJob | null = null;
  let nextLast = 0;
  for (const job of candidate.values()) {
    const last = state.lastStartByUser.get(job.userId) ?? Number.NEGATIVE_INFINITY;
    if (!next || last < nextLast || (last === nextLast && olderThan(job, next))) {
      next = job;
      nextLast = last;
    }
  }
  return next ? { job: next } : { job: null, wakeAt };
}

/**
 * What a waiting job waits for, for its tile: Google's rate limit (its own 429 or its family's),
 * the spend limit (and when the window frees enough for its estimate), or a free slot.
 */
export function waitStateOf(job: WaitingJob, state: QueueState): WaitState {
  const { now } = state;
  const rateUntil = Math.max(job.notBefore ?? 0, state.familyPausedUntil.get(job.family) ?? 0);
  if (rateUntil > now) return { reason: 'rateLimit', until: rateUntil };
  const spendAt = spendFitsAt(job.estimateMicros, spendSummary(state));
  if (spendAt > now) return { reason: 'spendLimit', until: spendAt };
  return { reason: 'slot', until: null };
}

/**
 * What to do after Google refused a job with 429: wait (Google's delay, else a backoff that grows
 * with the time already waited) or, once the admin's bound has passed, give up. The last attempt
 * is made at the bound itself, so a job never waits longer than the bound plus one request.
 */
export function afterRateLimit(input: {
  now: number;
  since: number;
  retryAfterMs: number | undefined;
  maxWaitMs: number;
}): { giveUp: false; notBefore: number } | { giveUp: true } {
  const { now, since, maxWaitMs } = input;
  const deadline = since + maxWaitMs;
  if (now >= deadline) return { giveUp: true };
  const delay = input.retryAfterMs ?? Math.min(RATE_LIMIT_BACKOFF.maxMs, Math.max(RATE_LIMIT_BACKOFF.minMs, now - since));
  return { giveUp: false, notBefore: Math.min(now + Math.max(0, delay), deadline) };
}

/** Spend of the jobs started in the window ending now (actual costs of the ended ones, estimates of the rest). */
export function spendInWindow(started: readonly StartedSpend[], now: number): number {
  let total = 0;
  for (const s of started) if (s.at > now - SPEND_WINDOW_MS) total += s.micros;
  return total;
}

/**
 * A job's estimated cost: the figure stored when it was created, else (a job made before costs were
 * recorded) the shipped pricing function on its
 * model and parameters (one request: one image, or one video). Null when no price is known.
 */
export function estimateOfJob(job: {
  kind: JobKind;
  model: string;
  params: Record<string, unknown>;
  inputIds: readonly string[];
  estimatedCostMicros?: number | null;
}): number | null {
  if (job.estimatedCostMicros !== null && job.estimatedCostMicros !== undefined) return job.estimatedCostMicros;
  const rules = SHIPPED_PRICES[job.model];
  if (!rules) return null;
  const p = job.params;
  const order: PricedOrder =
    job.kind === 'video'
      ? {
          kind: 'video',
          resolution: typeof p.resolution === 'string' ? p.resolution : undefined,
          durationSeconds: typeof p.durationSeconds === 'number' ? p.durationSeconds : undefined,
        }
      : {
          kind: job.kind,
          count: 1,
          imageSize: typeof p.imageSize === 'string' ? (p.imageSize as never) : undefined,
          inputImages: job.inputIds.length,
        };
  return estimateCost(rules, order)?.microUsd ?? null;
}

interface SpendSummary {
  now: number;
  limit: number | null;
  /** spend in the window now */
  spent: number;
  /** entries still in the window, oldest first, and the spend left after each one expires */
  live: readonly StartedSpend[];
  afterExpiry: readonly number[];
}

/** one summary per state: a page of DTOs asks for many jobs' waits against the same window */
const summaries = new WeakMap<QueueState, SpendSummary>();

function spendSummary(state: QueueState): SpendSummary {
  const cached = summaries.get(state);
  if (cached) return cached;
  const summary = summarize(state);
  summaries.set(state, summary);
  return summary;
}

function summarize(state: QueueState): SpendSummary {
  const { now } = state;
  const limit = state.spend.limitMicros;
  const live = limit === null ? [] : state.spend.started.filter((s) => s.at > now - SPEND_WINDOW_MS);
  const afterExpiry: number[] = new Array<number>(live.length);
  let rest = 0;
  for (let i = live.length - 1; i >= 0; i--) {
    afterExpiry[i] = rest;
    rest += live[i]!.micros;
  }
  return { now, limit, spent: rest, live, afterExpiry };
}

/**
 * When the window will have room for `estimate`: now if it fits. A job dearer than the whole limit
 * starts once nothing else is in the window (otherwise it could never start).
 */
function spendFitsAt(estimate: number, s: SpendSummary): number {
  if (s.limit === null || s.spent === 0 || s.spent + estimate <= s.limit) return s.now;
  for (let i = 0; i < s.live.length; i++) {
    const rest = s.afterExpiry[i]!;
    if (rest === 0 || rest + estimate <= s.limit) return s.live[i]!.at + SPEND_WINDOW_MS;
  }
  return s.now; // unreachable: the last expiry leaves nothing
}

/**
 * Strictly older. Jobs made in the same millisecond (the images of one click) keep the order they
 * were queued in, which is the order they were asked for: `waiting` is iterated in insertion order
 * and the first one seen wins a tie. (Comparing their random ids would start them in any order.)
 */
function olderThan(a: WaitingJob, b: WaitingJob): boolean {
  return a.createdAt < b.createdAt;
}
