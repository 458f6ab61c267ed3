import type { JobKind } from '../../../../shared/domain/jobs';
import { JOB_STATUS_LABELS } from '../../../../shared/domain/jobs';
import { Elapsed } from './Elapsed';
import { allJobs, useJobs } from '../../queries/jobs';
import styles from './JobResults.module.css';

/** The latest jobs of one generator, with their results as they arrive. */
export function JobResults({ kinds, title }: { kinds: JobKind[]; title: string }) {
  const jobs = allJobs(useJobs().data)
    .filter((j) => kinds.includes(j.kind))
    .slice(0, 12);
  if (!jobs.length) return null;
  return (
    <section className={styles.results} aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {jobs.map((job) => (
          <li key={job.id} className={styles.result} data-testid="job-result" data-status={job.status}>
            {job.results.length > 0 ? (
              job.results.map((r) =>
                job.kind === 'video' ? (
                  <video key={r.id} src={r.url} poster={r.thumbUrl ?? undefined} controls preload="metadata" aria-label={`Video: ${job.prompt}`} />
                ) : (
                  <img key={r.id} src={r.thumbUrl ?? r.url} alt={job.prompt} />
                ),
              )
            ) : (
              <div className={styles.placeholder}>
                <strong>{JOB_STATUS_LABELS[job.status]}</strong>
                <Elapsed job={job} />
                {job.errorMessage && <p className="form-error">{job.errorMessage}</p>}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
