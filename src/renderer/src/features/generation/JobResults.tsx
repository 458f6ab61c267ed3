import { useNavigate } from '@tanstack/react-router';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import type { JobKind } from '../../../../shared/domain/jobs';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';
import { Elapsed } from './Elapsed';
import { CancelJobs, canResend, RateLimitRetry, useResend, useNowUntil, useTryAgain } from './jobActions';
import { jobStage, queuePositions } from './jobStage';
import { allJobs, useJobs } from '../../queries/jobs';
import styles from './JobResults.module.css';

/** The latest jobs of one generator, with their results as they arrive. */
export function JobResults({ kinds, title }: { kinds: JobKind[]; title: string }) {
  const all = allJobs(useJobs().data);
  const positions = queuePositions(all);
  const jobs = all.filter((j) => kinds.includes(j.kind)).slice(0, 12);
  if (!jobs.length) return null;
  return (
    <section className={styles.results} aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {jobs.map((job) => (
          <JobTile key={job.id} job={job} position={positions.get(job.id) ?? null} />
        ))}
      </ul>
    </section>
  );
}

/** One job: its result (opens in the gallery), or where it is, or what went wrong and what to do. */
function JobTile({ job, position }: { job: JobDto; position: number | null }) {
  // a job waiting out a rate or spend limit counts down to its start, once a second
  const now = useNowUntil(job.status === 'queued' ? job.retryAt : null);
  const stage = jobStage(job, position, now);
  const navigate = useNavigate();
  const open = (id: string) => void navigate({ to: '/gallery', search: { item: id } });
  return (
    <li
      className={styles.result}
      data-testid="job-result"
      data-status={job.status}
      data-tone={stage.tone}
      aria-label={`${stage.label}: ${job.prompt}`}
    >
      {job.results.length > 0 ? (
        job.results.map((r) =>
          job.kind === 'video' ? (
            <div key={r.id} className={styles.media}>
              <video src={r.url} poster={r.thumbUrl ?? undefined} controls preload="metadata" aria-label={`Video: ${job.prompt}`} />
              <button type="button" className={styles.openVideo} onClick={() => open(r.id)} aria-label={`Open in the gallery: ${job.prompt}`}>
                Open
              </button>
            </div>
          ) : (
            <button key={r.id} type="button" className={styles.open} onClick={() => open(r.id)} aria-label={`Open in the gallery: ${job.prompt}`}>
              <img src={r.thumbUrl ?? r.url} alt={job.prompt} />
            </button>
          ),
        )
      ) : (
        <div className={styles.placeholder}>
          <strong>{stage.label}</strong>
          {stage.step !== null && (
            <progress className={styles.bar} value={stage.step} max={stage.steps} aria-label={`Step ${stage.step} of ${stage.steps}`} />
          )}
          {job.status !== 'cancelled' && <Elapsed job={job} />}
          <p className={styles.prompt}>{job.prompt}</p>
          {job.errorMessage && job.status !== 'cancelled' && <p className={styles.error}>{withoutStaleWait(job)}</p>}
          <TileActions job={job} />
        </div>
      )}
    </li>
  );
}

function TileActions({ job }: { job: JobDto }) {
  const resend = useResend();
  const tryAgain = useTryAgain();
  if (!isFinalJobStatus(job.status)) return <CancelJobs jobs={[job]} label={`Cancel: ${job.prompt}`} />;
  if (job.status === 'succeeded') return null;
  if (job.errorCode === 'RATE_LIMITED' && canResend(job))
    return <RateLimitRetry jobs={[job]} onRetry={() => resend.mutate([job])} pending={resend.isPending} />;
  if (canResend(job))
    return (
      <button type="button" onClick={() => resend.mutate([job])} disabled={resend.isPending}>
        Retry
      </button>
    );
  return (
    <button type="button" onClick={() => tryAgain(job)} aria-label={`Try again: ${job.prompt}`}>
      Try again…
    </button>
  );
}

/** A rate limit's message names Google's wait as it was then; the live countdown below replaces it. */
function withoutStaleWait(job: JobDto): string {
  const message = job.errorMessage ?? '';
  return job.retryAt ? message.replace(/\s*Try again in \d+ s\./, '') : message;
}
