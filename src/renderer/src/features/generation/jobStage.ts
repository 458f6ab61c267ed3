import type { JobDto } from '../../../../shared/contract/routes/generation';
import { JOB_STATUS_LABELS, type JobKind } from '../../../../shared/domain/jobs';
import { formatDuration } from './Elapsed';

export type JobStageKey =
  | 'waiting'
  | 'spendLimited'
  | 'sending'
  | 'generating'
  | 'downloading'
  | 'saving'
  | 'done'
  | 'rateLimited'
  | 'failed'
  | 'blocked'
  | 'cancelled'
  | 'interrupted';

/** What a tile or a queue entry says about a job, and how it looks (data-tone). */
export interface JobStage {
  key: JobStageKey;
  label: string;
  /** 'active' runs; 'ok' succeeded; 'error' needs the person; 'neutral' is their own cancel */
  tone: 'active' | 'ok' | 'error' | 'neutral';
  /** for a rough progress bar: the step this stage is (1-based) out of `steps`; null once final */
  step: number | null;
  steps: number;
}

/**
 * The steps a job goes through in main. An image is one request (queued → running → saving); a
 * video is submitted, polled, downloaded and saved.
 */
const STEPS: Record<JobKind, JobStageKey[]> = {
  image: ['waiting', 'generating', 'saving'],
  edit: ['waiting', 'generating', 'saving'],
  video: ['waiting', 'sending', 'generating', 'downloading', 'saving'],
};

type ActiveStage = 'waiting' | 'sending' | 'generating' | 'downloading' | 'saving';

const ACTIVE: Record<'queued' | 'submitting' | 'running' | 'downloading' | 'saving', ActiveStage> = {
  queued: 'waiting',
  submitting: 'sending',
  running: 'generating',
  downloading: 'downloading',
  saving: 'saving',
};

/**
 * The stage of a job from its DTO's status fields. `queuePosition` is its place among the jobs
 * waiting for a slot (1 = next), from `queuePositions`; null when unknown. A waiting job held back by
 * Google's rate limit or the admin's spend limit says so, with the time until it starts (from `now`;
 * the caller re-renders every second while it counts down, see `useSecondsUntil`).
 */
export function jobStage(
  job: Pick<JobDto, 'kind' | 'status' | 'errorCode' | 'retryAt' | 'waitingFor'>,
  queuePosition: number | null,
  now: number = Date.now(),
): JobStage {
  const steps = STEPS[job.kind].length;
  const final = (key: JobStageKey, label: string, tone: JobStage['tone']): JobStage => ({ key, label, tone, step: null, steps });
  switch (job.status) {
    case 'succeeded':
      return final('done', JOB_STATUS_LABELS.succeeded, 'ok');
    case 'blocked':
      return final('blocked', JOB_STATUS_LABELS.blocked, 'error');
    case 'cancelled':
      return final('cancelled', JOB_STATUS_LABELS.cancelled, 'neutral');
    case 'interrupted':
      return final('interrupted', JOB_STATUS_LABELS.interrupted, 'error');
    case 'failed':
      return job.errorCode === 'RATE_LIMITED'
        ? final('rateLimited', 'Rate limit reached', 'error')
        : final('failed', JOB_STATUS_LABELS.failed, 'error');
    default: {
      const key = ACTIVE[job.status];
      const step = Math.max(0, STEPS[job.kind].indexOf(key)) + 1;
      if (key === 'waiting' && job.retryAt && job.retryAt > now) {
        const left = job.retryAt - now;
        return job.waitingFor === 'spendLimit'
          ? {
              key: 'spendLimited',
              label: `Waiting for the spend limit · starts in about ${Math.ceil(left / 60_000)} min`,
              tone: 'active',
              step,
              steps,
            }
          : {
              key: 'rateLimited',
              label: `Waiting for Google's rate limit · starts in ${formatDuration(Math.ceil(left / 1000) * 1000)}`,
              tone: 'active',
              step,
              steps,
            };
      }
      const label = STAGE_LABELS[key] + (key === 'waiting' && queuePosition ? ` · ${ordinal(queuePosition)} in line` : '');
      return { key, label, tone: 'active', step, steps };
    }
  }
}

const STAGE_LABELS: Record<ActiveStage, string> = {
  waiting: 'Waiting for a free slot',
  sending: 'Sending to Google',
  generating: 'Generating',
  downloading: 'Downloading',
  saving: 'Saving',
};

/**
 * Each waiting job's place in line among the person's own: main takes turns between people and,
 * within a person, starts the oldest first, so the order is their creation order. Only the jobs the
 * list holds are counted.
 */
export function queuePositions(jobs: readonly Pick<JobDto, 'id' | 'status' | 'createdAt'>[]): Map<string, number> {
  const waiting = jobs.filter((j) => j.status === 'queued').sort((a, b) => a.createdAt - b.createdAt);
  return new Map(waiting.map((j, i) => [j.id, i + 1]));
}

/** "3 running · 5 waiting": running is everything past the queue and not final. */
export function jobCounts(jobs: readonly Pick<JobDto, 'status'>[]): { running: number; waiting: number } {
  let running = 0;
  let waiting = 0;
  for (const job of jobs) {
    if (job.status === 'queued') waiting++;
    else if (job.status in ACTIVE) running++;
  }
  return { running, waiting };
}

export function jobCountsLabel({ running, waiting }: { running: number; waiting: number }): string {
  return [running ? `${running} running` : '', waiting ? `${waiting} waiting` : ''].filter(Boolean).join(' · ');
}

export interface JobGroup {
  /** the request id, or the job id for a job alone */
  key: string;
  jobs: JobDto[];
}

/**
 * One entry per click: the jobs of a multi-image request share a request id. Keeps the list's
 * order (newest first) by the group's first job; jobs inside a group stay in the order given.
 */
export function groupJobs(jobs: readonly JobDto[]): JobGroup[] {
  const groups = new Map<string, JobGroup>();
  for (const job of jobs) {
    const key = job.requestId ? `request:${job.requestId}` : job.id;
    const group = groups.get(key);
    if (group) group.jobs.push(job);
    else groups.set(key, { key, jobs: [job] });
  }
  for (const group of groups.values()) group.jobs.sort((a, b) => a.createdAt - b.createdAt);
  return [...groups.values()];
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
