import type { JobDto } from '../../../../../shared/contract/routes/generation';
import type { CatalogueModel } from '../../../../../shared/domain/models';
import { allJobs, useJobs } from '../../../queries/jobs';
import styles from './ContinueVideoList.module.css';

/**
 * The person's latest finished videos, each with "Extend" (and "Refine" for the models that can):
 * choosing one turns the form into an instruction for that video.
 */
export function ContinueVideoList({ models, onContinue }: { models: CatalogueModel[]; onContinue: (job: JobDto, how: 'extend' | 'refine') => void }) {
  const finishedVideos = allJobs(useJobs().data).filter((j) => j.kind === 'video' && j.status === 'succeeded' && j.results[0]);
  if (finishedVideos.length === 0) return null;
  return (
    <section aria-label="Continue a video">
      <h2>Continue a finished video</h2>
      <ul className={styles.continueList}>
        {finishedVideos.slice(0, 6).map((job) => {
          const family = models.find((m) => m.id === job.model)?.family;
          return (
            <li key={job.id}>
              <span className={styles.prompt}>{job.prompt}</span>
              {family === 'omni' && (
                <button type="button" onClick={() => onContinue(job, 'refine')}>
                  Refine
                </button>
              )}
              <button type="button" onClick={() => onContinue(job, 'extend')}>
                Extend
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
