import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { isFinalJobStatus, JOB_STATUS_LABELS } from '../../../../shared/domain/jobs';
import { call } from '../../ipc/client';
import { useGeneratorIntent } from '../../stores/generatorIntent';
import { retryIntent } from './retryIntent';
import { Elapsed } from './Elapsed';
import { allJobs, useJobs } from '../../queries/jobs';
import styles from './JobQueuePanel.module.css';

/**
 * The queue: every job of the signed-in user, running ones first, always reachable from the
 * header. Jobs belong to main, so closing this panel (or the window) stops nothing.
 */
export function JobQueuePanel() {
  const [open, setOpen] = useState(false);
  const jobs = allJobs(useJobs().data);
  const active = jobs.filter((j) => !isFinalJobStatus(j.status));
  const recent = jobs.filter((j) => isFinalJobStatus(j.status)).slice(0, 15);
  const navigate = useNavigate();
  const cancel = useMutation({ mutationFn: (jobId: string) => call('jobs.cancel', { jobId }) });
  const tryAgain = (job: JobDto) => {
    const intent = retryIntent(job);
    useGeneratorIntent.getState().open(intent);
    void navigate({ to: `/${intent.target}` });
    setOpen(false);
  };

  return (
    <div className={styles.queue}>
      <button type="button" aria-expanded={open} aria-controls="job-queue" onClick={() => setOpen((o) => !o)}>
        Jobs{active.length ? ` (${active.length} running)` : ''}
      </button>
      {open && (
        <section id="job-queue" className={styles.panel} aria-label="Job queue">
          {jobs.length === 0 && <p className="muted">Nothing generated yet.</p>}
          <ul>
            {[...active, ...recent].map((job) => (
              <li key={job.id} className={styles.item} data-status={job.status}>
                <div>
                  <strong>{JOB_STATUS_LABELS[job.status]}</strong> · {job.kind} · <Elapsed job={job} />
                </div>
                <div className={`muted ${styles.prompt}`}>{job.prompt}</div>
                {job.errorMessage && <div className="form-error">{job.errorMessage}</div>}
                {!isFinalJobStatus(job.status) && (
                  <button type="button" onClick={() => cancel.mutate(job.id)} aria-label={`Cancel job: ${job.prompt}`}>
                    Cancel
                  </button>
                )}
                {isFinalJobStatus(job.status) && job.status !== 'succeeded' && (
                  <button type="button" onClick={() => tryAgain(job)} aria-label={`Try again: ${job.prompt}`}>
                    Try again…
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
