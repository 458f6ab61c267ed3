import { useEffect, useState } from 'react';
import { isFinalJobStatus } from '../../../../../shared/domain/jobs';
import { allJobs, useJobs } from '../../../queries/jobs';
import type { ContinueFrom } from './videoForm';

interface Sent {
  jobId: string;
  /** the video the job continues: the form moves on only while it still names this one */
  from: ContinueFrom;
}

/**
 * After a refine (or extension) sent from this form is done, the form continues from its result:
 * the next press refines the newest video, not the original again. `onSent` is given the job of
 * each continuation sent; `advance` is called once that job has a result, unless the person has
 * chosen another video to continue meanwhile.
 */
export function useContinueLatest(current: ContinueFrom | undefined, advance: (from: ContinueFrom) => void) {
  const [sent, setSent] = useState<Sent | null>(null);
  const jobs = useJobs().data;
  useEffect(() => {
    if (!sent) return;
    const job = allJobs(jobs).find((j) => j.id === sent.jobId);
    if (!job || !isFinalJobStatus(job.status)) return;
    setSent(null);
    const result = job.results[0];
    if (job.status !== 'succeeded' || !result) return;
    if (current?.mediaId !== sent.from.mediaId || current.how !== sent.from.how) return;
    advance({ mediaId: result.id, how: sent.from.how, prompt: job.prompt });
  }, [jobs, sent, current, advance]);
  return {
    onSent: (jobIds: string[], from: ContinueFrom | undefined) => {
      if (from && jobIds[0]) setSent({ jobId: jobIds[0], from });
    },
  };
}
