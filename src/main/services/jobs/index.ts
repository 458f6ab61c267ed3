/**
 * Jobs: generation requests turned into durable jobs. `GenerationService` validates a request and
 * reserves its quota with the job rows; `JobRunner` runs, cancels and recovers them; `JobRepository`
 * holds the rows; `listJobs`/`cancelJob` answer the jobs routes; `listGenerationLog` pages every attempt for admins; `PendingResults` keeps a delivered result's note on disk until the database records it. What the runner needs from quotas
 * and media is declared in `ports.ts`. See docs/generation-and-jobs.md.
 */
export { GenerationService, type GenerationDeps } from './generationService';
export { cancelJob, listJobs } from './jobQueries';
export { type GenerationLogDeps, listGenerationLog } from './generationLog';
export { withJobCost } from './jobCost';
export { JobRepository, type JobRow } from './jobRepository';
export { DEFAULT_JOB_TIMINGS, JobRunner, type JobTimings } from './jobRunner';
export { PendingResults } from './pendingResults';
export { GenerationWorker } from './worker/workerHost';
export type { MediaPort, QuotaPort } from './ports';
