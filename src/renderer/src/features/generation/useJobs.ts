import { useEffect } from 'react';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';
import { onEvent } from '../../ipc/client';
import { useToasts } from '../../stores/toasts';

/**
 * Subscribes once (in the app shell) to job events to tell the person how each job ended. The
 * cached list itself follows the same events in queries/liveUpdates.ts.
 */
export function useJobEvents(onOpenResult?: (job: JobDto) => void): void {
  const push = useToasts((s) => s.push);
  useEffect(
    () =>
      onEvent('job.updated', (job) => {
        if (!isFinalJobStatus(job.status)) return;
        if (job.status === 'succeeded') {
          push({
            tone: 'success',
            message: `${job.kind === 'video' ? 'Video' : 'Image'} ready: ${shorten(job.prompt)}`,
            groupKey: `done:${job.kind}:${job.prompt}`,
            ...(onOpenResult ? { action: { label: 'Open', run: () => onOpenResult(job) } } : {}),
          });
        } else if (job.status !== 'cancelled') {
          const message = job.errorMessage ?? 'The job did not finish.';
          push({ tone: 'error', message, groupKey: `error:${message}` });
        }
      }),
    [push, onOpenResult],
  );
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
