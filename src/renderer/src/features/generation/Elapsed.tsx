import { useEffect, useState } from 'react';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';

/**
 * Elapsed time, and for videos the typical duration beside it. Veo reports only done / not done,
 * so this never pretends to be a percentage.
 */
export function Elapsed({ job }: { job: JobDto }) {
  const live = !isFinalJobStatus(job.status);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [live]);
  const end = live ? now : (job.finishedAt ?? now);
  const elapsed = formatDuration(Math.max(0, end - (job.submittedAt ?? job.createdAt)));
  if (!live || job.typicalDurationMs === null) return <span>{elapsed}</span>;
  return (
    <span>
      {elapsed} <span className="muted">(usually about {formatDuration(job.typicalDurationMs)})</span>
    </span>
  );
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
