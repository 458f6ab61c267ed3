import { useQueries } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import type { MediaItem } from '../../../../shared/contract/routes/media';
import type { JobKind } from '../../../../shared/domain/jobs';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';
import { call } from '../../ipc/client';
import { allJobs, useJobs } from '../../queries/jobs';
import { queryKeys } from '../../queries/keys';
import { useDeleteMedia, useMediaDetails } from '../../queries/media';
import { useToasts } from '../../stores/toasts';
import { ConfirmDelete } from '../gallery/ConfirmDelete';
import { Lightbox } from '../gallery/Lightbox';
import { MediaActions } from '../gallery/MediaActions';
import { neighbourAfterRemoval, resultIds, tileAspect } from './canvas';
import { registerResultOpener } from './openResult';
import { Elapsed } from './Elapsed';
import { CancelJobs, canResend, RateLimitRetry, useResend, useNowUntil, useTryAgain } from './jobActions';
import { jobStage, queuePositions } from './jobStage';
import { useVary } from './useVary';
import styles from './JobResults.module.css';

/** How many of the latest jobs the canvas shows; the gallery holds the rest. */
const SHOWN_JOBS = 16;

/**
 * The results canvas of a generator: the latest jobs, newest first. A job appears at once as a
 * placeholder of the shape asked for, with its stage, and becomes its result; each result opens
 * the lightbox and carries the item's actions (Vary on the tile, the rest under "More").
 */
export function JobResults({ kinds, title }: { kinds: JobKind[]; title: string }) {
  const all = allJobs(useJobs().data);
  const positions = queuePositions(all);
  const jobs = all.filter((j) => kinds.includes(j.kind)).slice(0, SHOWN_JOBS);
  const ids = resultIds(jobs);
  const [openId, setOpenId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const deleteMedia = useDeleteMedia();
  const push = useToasts((s) => s.push);
  // the toast's "Open" for a result shown here opens it here
  const shown = ids.join(' ');
  useEffect(
    () =>
      registerResultOpener((id) => {
        if (!shown.split(' ').includes(id)) return false;
        setOpenId(id);
        return true;
      }),
    [shown],
  );

  // after a removal focus goes to the neighbouring result, or to the canvas's heading
  const focusResult = (id: string | null) => {
    requestAnimationFrame(() => {
      const target = id ? document.querySelector<HTMLElement>(`[data-result-id="${CSS.escape(id)}"]`) : null;
      (target ?? headingRef.current)?.focus();
    });
  };
  const remove = async (id: string): Promise<boolean> => {
    try {
      await deleteMedia.mutateAsync([id]);
      push({ tone: 'info', message: 'Deleted 1 item.' });
      return true;
    } catch (error) {
      push({ tone: 'error', message: isStudioError(error) ? error.message : 'The item could not be deleted.' });
      return false;
    }
  };

  return (
    <section className={styles.results} aria-label={title} data-testid="results-canvas">
      <h2 ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {jobs.length === 0 ? (
        <p className={styles.empty}>What you make appears here as soon as you send it. Click a result to see it large and to work on from it.</p>
      ) : (
        <ul>
          {jobs.map((job) => (
            <JobTile
              key={job.id}
              job={job}
              position={positions.get(job.id) ?? null}
              onOpen={setOpenId}
              onRemove={async (id) => {
                const next = neighbourAfterRemoval(ids, id);
                if (await remove(id)) focusResult(next);
              }}
            />
          ))}
        </ul>
      )}
      {openId && (
        <CanvasLightbox
          ids={ids}
          openId={openId}
          onStep={setOpenId}
          onClose={() => {
            focusResult(openId);
            setOpenId(null);
          }}
          onDelete={async (id) => {
            const next = neighbourAfterRemoval(ids, id);
            const ok = await remove(id);
            if (ok) {
              if (next) setOpenId(next);
              else {
                setOpenId(null);
                focusResult(null);
              }
            }
            return ok;
          }}
        />
      )}
    </section>
  );
}

/** The gallery's lightbox over the canvas's results: ←/→ step through them, newest first. */
function CanvasLightbox(props: {
  ids: string[];
  openId: string;
  onStep: (id: string) => void;
  onClose: () => void;
  onDelete: (id: string) => Promise<boolean>;
}) {
  const navigate = useNavigate();
  const push = useToasts((s) => s.push);
  const details = useQueries({
    queries: props.ids.map((id) => ({ queryKey: queryKeys.mediaItem(id), queryFn: () => call('media.get', { id }) })),
  });
  const items = details.flatMap((d) => (d.data ? [d.data as MediaItem] : []));
  const index = items.findIndex((i) => i.id === props.openId);
  if (index < 0) return null;
  return (
    <Lightbox
      items={items}
      index={index}
      hasNextPage={false}
      fetchNextPage={noop}
      onIndexChange={(at) => items[at] && props.onStep(items[at].id)}
      onClose={props.onClose}
      onDelete={async (ids) => (ids[0] ? props.onDelete(ids[0]) : false)}
      onOpenGenerator={(target) => void navigate({ to: `/${target}` })}
      onMessage={(message) => push({ tone: 'info', message })}
    />
  );
}

const noop = () => undefined;

/** One job: its result (opens the lightbox, with actions), or where it is, or what went wrong and what to do. */
function JobTile({
  job,
  position,
  onOpen,
  onRemove,
}: {
  job: JobDto;
  position: number | null;
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  // a job waiting out a rate or spend limit counts down to its start, once a second
  const now = useNowUntil(job.status === 'queued' ? job.retryAt : null);
  const stage = jobStage(job, position, now);
  const aspect = tileAspect(job);
  return (
    <li
      className={styles.result}
      data-testid="job-result"
      data-status={job.status}
      data-tone={stage.tone}
      data-kind={job.kind}
      aria-label={`${stage.label}: ${job.prompt}`}
    >
      {job.results.length > 0 ? (
        job.results.map((r) => (
          <div key={r.id} className={styles.item}>
            <button
              type="button"
              className={styles.open}
              data-aspect={aspect}
              data-result-id={r.id}
              onClick={() => onOpen(r.id)}
              aria-label={`Open: ${job.prompt}`}
            >
              {job.kind === 'video' ? (
                <>
                  <video src={r.url} poster={r.thumbUrl ?? undefined} preload="metadata" muted playsInline aria-hidden="true" />
                  <span className={styles.badge} aria-hidden="true">
                    ▶ Video
                  </span>
                </>
              ) : (
                <img src={r.thumbUrl ?? r.url} alt={job.prompt} />
              )}
              <span className={styles.caption} aria-hidden="true">
                {job.prompt}
              </span>
            </button>
            <div className={styles.bar}>
              <TileVary job={job} resultId={r.id} />
              <MoreActions resultId={r.id} prompt={job.prompt} onRemove={onRemove} />
            </div>
          </div>
        ))
      ) : (
        <div className={styles.placeholder} data-aspect={aspect}>
          <strong>{stage.label}</strong>
          {stage.step !== null && (
            <progress className={styles.progress} value={stage.step} max={stage.steps} aria-label={`Step ${stage.step} of ${stage.steps}`} />
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

function TileVary({ job, resultId }: { job: JobDto; resultId: string }) {
  const { vary, isPending } = useVary();
  const push = useToasts((s) => s.push);
  return (
    <button
      type="button"
      disabled={isPending}
      aria-label={`Vary: ${job.prompt}`}
      title="Same prompt and settings, a new result (counts against your quota)"
      onClick={() => {
        vary(resultId);
        push({ tone: 'info', message: 'Making a variation.' });
      }}
    >
      Vary
    </button>
  );
}

/**
 * "More" on a result tile: the item's whole action list in a popover. It closes like a menu
 * (Escape, a click outside) and gives focus back to its button.
 */
function MoreActions({ resultId, prompt, onRemove }: { resultId: string; prompt: string; onRemove: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    // the canvas scrolls just enough to show the whole menu
    panelRef.current?.scrollIntoView?.({ block: 'nearest' });
    const outside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panelRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  return (
    <div className={styles.more}>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`More actions: ${prompt}`}
        onClick={() => setOpen((o) => !o)}
      >
        More
      </button>
      {open && (
        <div
          ref={panelRef}
          className={styles.menu}
          role="group"
          aria-label={`Actions: ${prompt}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              close(true);
            }
          }}
        >
          <ItemMenu id={resultId} onDone={() => close(true)} onRemove={onRemove} />
        </div>
      )}
    </div>
  );
}

function ItemMenu({ id, onDone, onRemove }: { id: string; onDone: () => void; onRemove: (id: string) => void }) {
  const item = useMediaDetails(id).data;
  const navigate = useNavigate();
  const push = useToasts((s) => s.push);
  const [confirming, setConfirming] = useState(false);
  const firstRef = useRef<HTMLDivElement>(null);
  // a menu that opens puts focus on its first action
  useEffect(() => {
    if (item && !confirming) firstRef.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
  }, [item, confirming]);
  if (!item) return <p className={styles.loading}>Loading…</p>;
  if (confirming)
    return (
      <ConfirmDelete
        count={1}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          onRemove(id);
        }}
      />
    );
  return (
    <div ref={firstRef}>
      <MediaActions
        item={item}
        variant="menu"
        omitVary
        onRequestDelete={() => setConfirming(true)}
        onOpenGenerator={(target) => void navigate({ to: `/${target}` })}
        onMessage={(message) => {
          push({ tone: 'info', message });
          onDone();
        }}
      />
    </div>
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
