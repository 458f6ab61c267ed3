/** Job kinds and the states in docs/generation-and-jobs.md, shared by the job table, the contract and the queue panel. */
export const JOB_KIND_VALUES = ['image', 'edit', 'video'] as const;
export type JobKind = (typeof JOB_KIND_VALUES)[number];

export const JOB_STATUS_VALUES = [
  'queued',
  'submitting',
  'running',
  'downloading',
  'saving',
  'succeeded',
  'failed',
  'blocked',
  'cancelled',
  'interrupted',
] as const;
export type JobStatus = (typeof JOB_STATUS_VALUES)[number];

export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'blocked', 'cancelled', 'interrupted'];

export function isFinalJobStatus(status: JobStatus): boolean {
  return FINAL_JOB_STATUSES.includes(status);
}

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  queued: 'Queued',
  submitting: 'Sending to Google',
  running: 'Generating',
  downloading: 'Downloading',
  saving: 'Saving',
  succeeded: 'Done',
  failed: 'Failed',
  blocked: 'Blocked by safety filters',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};
