import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';
import { call } from '../../ipc/client';
import { queryKeys } from '../../queries/keys';
import { useGeneratorIntent } from '../../stores/generatorIntent';
import { useToasts } from '../../stores/toasts';
import { newClickKey } from './clickKey';
import { formatDuration } from './Elapsed';
import { retryIntent } from './retryIntent';
import { useModels } from '../../queries/models';

/**
 * Cancel for one job or a batch. Veo has no cancel at Google: once a Veo video is sent, the app
 * only stops waiting for it and Google may still bill it, so the person is told before and after.
 */
export function CancelJobs({ jobs, label }: { jobs: JobDto[]; label: string }) {
  const { models } = useModels('video');
  const push = useToasts((s) => s.push);
  const [confirming, setConfirming] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // the Cancel button goes away with the job; focus stays in its entry (Try again…, Open) instead of the page
  const entry = useRef<Element | null>(null);
  const keepFocusInEntry = () =>
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const target = entry.current?.isConnected ? entry.current.querySelector<HTMLElement>('button:not([disabled]), [href]') : null;
      target?.focus();
    });
  const open = jobs.filter((j) => !isFinalJobStatus(j.status));
  const veoSent = open.some((j) => j.kind === 'video' && j.status !== 'queued' && isVeo(j, models));
  const cancel = useMutation({
    mutationFn: async () => {
      for (const job of open) await call('jobs.cancel', { jobId: job.id });
    },
    onMutate: () => {
      entry.current = (buttonRef.current ?? document.activeElement)?.closest('li') ?? null;
    },
    onSuccess: () => {
      push({
        tone: 'info',
        message: veoSent ? 'Cancelled. Google may still bill this Veo video: Veo cannot be stopped once it is sent.' : 'Cancelled.',
      });
      keepFocusInEntry();
    },
    onError: () => push({ tone: 'error', message: 'The job could not be cancelled. It may have just finished.' }),
  });
  if (!open.length) return null;
  if (confirming)
    return (
      <div role="group" aria-label="Confirm cancel">
        <p>Google may still bill this Veo video: Veo cannot be stopped once it is sent.</p>
        <button type="button" className="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          Cancel anyway
        </button>{' '}
        <button type="button" onClick={() => setConfirming(false)} autoFocus>
          Keep it
        </button>
      </div>
    );
  return (
    <button
      ref={buttonRef}
      type="button"
      onClick={() => (veoSent ? setConfirming(true) : cancel.mutate())}
      disabled={cancel.isPending}
      aria-label={label}
    >
      Cancel
    </button>
  );
}

function isVeo(job: JobDto, models: { id: string; family: string }[]): boolean {
  const family = models.find((m) => m.id === job.model)?.family;
  return family ? family === 'veo' : job.model.startsWith('veo');
}

/**
 * A failed image or edit can simply be sent again (Google refused it, so nothing was billed); a
 * blocked, interrupted or video job opens its generator prefilled instead, because it needs a new
 * prompt or may already have been billed.
 */
export function canResend(job: JobDto): boolean {
  return job.status === 'failed' && job.kind !== 'video';
}

/** Sends the request of failed jobs again: one request for the batch, a new click key. */
export function useResend() {
  const queryClient = useQueryClient();
  const push = useToasts((s) => s.push);
  return useMutation({
    mutationFn: async (jobs: JobDto[]) => {
      const first = jobs[0];
      if (!first) return;
      const options = {
        prompt: first.prompt,
        model: first.model,
        ...stringParam(first, 'aspectRatio'),
        ...stringParam(first, 'imageSize'),
        idempotencyKey: newClickKey(),
      };
      if (first.kind === 'edit') {
        const [sourceId, ...referenceIds] = first.inputIds;
        if (!sourceId) throw new Error('no source');
        for (let i = 0; i < jobs.length; i++)
          await call('generation.image.edit', { ...options, sourceId, referenceIds, idempotencyKey: newClickKey() });
      } else {
        await call('generation.image.create', { ...options, count: jobs.length, referenceIds: first.inputIds });
      }
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs });
      void queryClient.invalidateQueries({ queryKey: queryKeys.quotaStatus });
    },
    onError: (error) => push({ tone: 'error', message: isStudioError(error) ? error.message : 'The request could not be sent again.' }),
  });
}

function stringParam(job: JobDto, name: 'aspectRatio' | 'imageSize'): Record<string, string> {
  const value = job.params[name];
  return typeof value === 'string' ? { [name]: value } : {};
}

/** "Try again…": the job's generator, filled in; nothing is sent until Generate. */
export function useTryAgain() {
  const navigate = useNavigate();
  return (job: JobDto) => {
    const intent = retryIntent(job);
    useGeneratorIntent.getState().open(intent);
    void navigate({ to: `/${intent.target}` });
  };
}

/** Seconds until `at`, ticking once a second while in the future. */
export function useSecondsUntil(at: number | null | undefined): number {
  const now = useNowUntil(at);
  return at ? Math.max(0, Math.ceil((at - now) / 1000)) : 0;
}

/**
 * The time, read again once a second while `at` is in the future (a countdown's clock), and at once
 * when `at` changes (a job that meets a rate limit after its tile appeared).
 */
export function useNowUntil(at: number | null | undefined): number {
  const [clock, setClock] = useState(() => ({ at, now: Date.now() }));
  const fresh = clock.at === at;
  const ticking = Boolean(at && at > clock.now);
  useEffect(() => {
    if (fresh && !ticking) return;
    const timer = setTimeout(() => setClock({ at, now: Date.now() }), fresh ? 1_000 : 0);
    return () => clearTimeout(timer);
  }, [at, fresh, ticking, clock.now]);
  return clock.now;
}

/**
 * A rate limit's countdown, live, with Retry; "when it reaches zero" only if the person ticked it.
 */
export function RateLimitRetry({ jobs, onRetry, pending }: { jobs: JobDto[]; onRetry: () => void; pending: boolean }) {
  const retryAt = jobs[0]?.retryAt;
  const left = useSecondsUntil(retryAt);
  const [auto, setAuto] = useState(false);
  useEffect(() => {
    if (auto && left === 0 && !pending) {
      setAuto(false);
      onRetry();
    }
  }, [auto, left, pending, onRetry]);
  return (
    <div>
      <p aria-live="off">{left > 0 ? `Google allows a new try in ${formatDuration(left * 1000)}.` : 'You can try again now.'}</p>
      <button type="button" onClick={onRetry} disabled={pending}>
        Retry
      </button>
      {left > 0 && (
        <label className="inline">
          <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} /> Retry when the time is up
        </label>
      )}
    </div>
  );
}
