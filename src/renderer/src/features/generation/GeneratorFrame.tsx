import { Children, type ReactNode, useEffect, useMemo, useRef } from 'react';
import type { QuotaKind } from '../../../../shared/domain/quotas';
import type { JobKind } from '../../../../shared/domain/jobs';
import { allJobs, useJobs } from '../../queries/jobs';
import { type PageActions, PageActionsContext } from '../gallery/MediaActions';
import { QuotaMeter } from '../quotas';
import { ApiKeyNotice } from './ApiKeyNotice';
import styles from './GeneratorFrame.module.css';

export interface GeneratorFrameProps {
  id: string;
  title: string;
  quota: QuotaKind;
  onSubmit: () => void;
  /**
   * the form's fields; the last child is its submit row (the Generate button, or one element
   * holding it and what goes beside it), which stays in view below the fields
   */
  children: ReactNode;
  /** the results canvas (features/generation/JobResults.tsx) and whatever goes with it */
  after?: ReactNode;
  /** the job kinds of this page: once one exists, a narrow window shows the canvas first */
  kinds?: JobKind[];
  /** what this page does with a result ("use as reference", continue a video), offered on its tiles */
  actions?: PageActions;
}

/**
 * What every generator page has: the controls in one column (title, a word when no API key is
 * set, the quota it spends, the form, submitted by its button or Ctrl+Enter) and the results
 * canvas beside them taking the rest of the width. Both scroll on their own, and the form's submit
 * row (Generate) sits below the scrolling fields, never over them, so at 1024×700 and above the
 * button and the newest results are on screen together. Below about 1000 px the two stack, the
 * canvas first once there is something in it (docs/renderer.md).
 */
/** The width below which the controls and the canvas stack (GeneratorFrame.module.css says the same). */
const STACKED = '(max-width: 999px)';

export function GeneratorFrame(props: GeneratorFrameProps) {
  const jobs = allJobs(useJobs().data);
  const hasResults = props.kinds ? jobs.some((j) => props.kinds!.includes(j.kind)) : false;
  const actions = useMemo(() => props.actions ?? {}, [props.actions]);
  const fields = Children.toArray(props.children);
  const submitRow = fields.pop();
  const canvas = useRef<HTMLDivElement>(null);
  // Stacked (narrow window): a new job puts the canvas above the form, so bring its top, where the
  // placeholders appear, into view instead of leaving the person looking at the form's bottom.
  const pageJobs = props.kinds ? jobs.filter((j) => props.kinds!.includes(j.kind)).length : 0;
  const seenJobs = useRef(pageJobs);
  useEffect(() => {
    const grew = pageJobs > seenJobs.current;
    seenJobs.current = pageJobs;
    if (grew && window.matchMedia(STACKED).matches) canvas.current?.scrollIntoView({ block: 'start' });
  }, [pageJobs]);
  return (
    <section className={styles.generator} data-fills-window data-has-results={hasResults || undefined} aria-labelledby={`${props.id}-title`}>
      <form
        className={styles.controls}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <div className={styles.scroll}>
          <h1 id={`${props.id}-title`}>{props.title}</h1>
          <ApiKeyNotice />
          <QuotaMeter kind={props.quota} />
          <div className={styles.form}>{fields}</div>
        </div>
        <div className={styles.submitRow}>{submitRow}</div>
      </form>
      <div className={styles.canvas} ref={canvas}>
        <PageActionsContext.Provider value={actions}>{props.after}</PageActionsContext.Provider>
      </div>
    </section>
  );
}
