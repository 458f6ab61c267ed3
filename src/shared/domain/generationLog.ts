import type { JobStatus } from './jobs';

/**
 * What the generation log calls a job's end (docs/records.md): the five final states, plus `running`
 * for every job that has not ended yet (queued, sending, generating, downloading, saving).
 */
export const GENERATION_OUTCOMES = ['succeeded', 'failed', 'blocked', 'cancelled', 'interrupted', 'running'] as const;
export type GenerationOutcome = (typeof GENERATION_OUTCOMES)[number];

export const GENERATION_OUTCOME_LABELS: Record<GenerationOutcome, string> = {
  succeeded: 'Succeeded',
  failed: 'Failed',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
  running: 'Still running',
};

/** The job states an outcome stands for. */
export const OUTCOME_STATUSES: Record<GenerationOutcome, readonly JobStatus[]> = {
  succeeded: ['succeeded'],
  failed: ['failed'],
  blocked: ['blocked'],
  cancelled: ['cancelled'],
  interrupted: ['interrupted'],
  running: ['queued', 'submitting', 'running', 'downloading', 'saving'],
};

export function outcomeOf(status: JobStatus): GenerationOutcome {
  return (Object.keys(OUTCOME_STATUSES) as GenerationOutcome[]).find((o) => OUTCOME_STATUSES[o].includes(status)) ?? 'running';
}
