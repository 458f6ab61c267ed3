import { useNavigate } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { isFinalJobStatus } from '../../../../shared/domain/jobs';
import { Elapsed } from './Elapsed';
import { CancelJobs, useNowUntil, useTryAgain } from './jobActions';
import { groupJobs, type JobGroup, jobCounts, jobCountsLabel, jobStage, queuePositions } from './jobStage';
import { allJobs, useJobs } from '../../queries/jobs';
import styles from './JobQueuePanel.module.css';

/**
 * The queue: every job of the signed-in user, running ones first, one entry per click, always
 * reachable from the header. It opens and closes like a menu (Escape or a click outside closes it
 * and gives focus back to its button). Jobs belong to main, so closing it stops nothing.
 */
export function JobQueuePanel() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const jobs = allJobs(useJobs().data);
  const counts = jobCountsLabel(jobCounts(jobs));

  useEffect(() => {
    if (!open) return;
    const close = () => {
      setOpen(false);
      button.current?.focus();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    };
    const onPointer = (e: PointerEvent) => {
      if (root.current?.contains(e.target as Node)) return;
      setOpen(false);
      // a click on another control keeps its focus; a click on nothing gives it back to the button
      requestAnimationFrame(() => {
        if (!document.activeElement || document.activeElement === document.body || root.current?.contains(document.activeElement))
          button.current?.focus();
      });
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className={styles.queue} ref={root}>
      <button ref={button} type="button" aria-expanded={open} aria-controls="job-queue" onClick={() => setOpen((o) => !o)}>
        Jobs{counts ? <span className={styles.counts}> · {counts}</span> : null}
      </button>
      {open && <QueueList jobs={jobs} onNavigate={() => setOpen(false)} />}
    </div>
  );
}

function QueueList({ jobs, onNavigate }: { jobs: JobDto[]; onNavigate: () => void }) {
  const positions = queuePositions(jobs);
  const groups = groupJobs(jobs);
  // a batch with some images done and some still running stays one entry, among the running
  const active = groups.filter((g) => g.jobs.some((j) => !isFinalJobStatus(j.status)));
  const recent = groups.filter((g) => g.jobs.every((j) => isFinalJobStatus(j.status))).slice(0, 15);
  return (
    <section id="job-queue" className={styles.panel} aria-label="Job queue">
      {jobs.length === 0 && <p className="muted">Nothing generated yet.</p>}
      <ul>
        {[...active, ...recent].map((group) => (
          <QueueEntry key={group.key} group={group} positions={positions} onNavigate={onNavigate} />
        ))}
      </ul>
    </section>
  );
}

function QueueEntry({ group, positions, onNavigate }: { group: JobGroup; positions: Map<string, number>; onNavigate: () => void }) {
  const navigate = useNavigate();
  const tryAgain = useTryAgain();
  const jobs = group.jobs;
  const first = jobs[0]!;
  // the entry speaks for its least advanced unfinished job, or for the first if all are done
  const lead = jobs.find((j) => !isFinalJobStatus(j.status)) ?? jobs.find((j) => j.status !== 'succeeded') ?? first;
  const now = useNowUntil(lead.status === 'queued' ? lead.retryAt : null);
  const stage = jobStage(lead, positions.get(lead.id) ?? null, now);
  const done = jobs.filter((j) => j.status === 'succeeded').length;
  const noun = first.kind === 'video' ? 'video' : first.kind === 'edit' ? 'edit' : 'image';
  const results = jobs.flatMap((j) => j.results.map((r) => ({ ...r, kind: j.kind })));
  const failed = jobs.find((j) => isFinalJobStatus(j.status) && j.status !== 'succeeded' && j.status !== 'cancelled');
  return (
    <li className={styles.item} data-status={lead.status} data-tone={stage.tone}>
      <div>
        <strong>{stage.label}</strong> · {jobs.length > 1 ? `${done} of ${jobs.length} ${noun}s done` : noun} · <Elapsed job={lead} />
      </div>
      <div className={`muted ${styles.prompt}`}>{first.prompt}</div>
      {failed?.errorMessage && <div className={styles.error}>{failed.errorMessage}</div>}
      {results.length > 0 && (
        <div className={styles.thumbs}>
          {results.map((r, i) => (
            <button
              key={r.id}
              type="button"
              className={styles.thumb}
              aria-label={`Open ${noun} ${results.length > 1 ? `${i + 1} of ${results.length} ` : ''}in the gallery: ${first.prompt}`}
              onClick={() => {
                onNavigate();
                void navigate({ to: '/gallery', search: { item: r.id } });
              }}
            >
              {r.thumbUrl ? <img src={r.thumbUrl} alt="" /> : <span aria-hidden="true">▶</span>}
            </button>
          ))}
        </div>
      )}
      <div className={styles.actions}>
        <CancelJobs jobs={jobs} label={`Cancel ${jobs.length > 1 ? `${jobs.length} ${noun}s` : 'job'}: ${first.prompt}`} />
        {failed && (
          <button
            type="button"
            onClick={() => {
              onNavigate();
              tryAgain(failed);
            }}
            aria-label={`Try again: ${first.prompt}`}
          >
            Try again…
          </button>
        )}
      </div>
    </li>
  );
}
