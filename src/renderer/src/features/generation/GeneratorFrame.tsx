import type { ReactNode } from 'react';
import type { QuotaKind } from '../../../../shared/domain/quotas';
import { QuotaMeter } from '../quotas';
import { ApiKeyNotice } from './ApiKeyNotice';
import styles from './GeneratorFrame.module.css';

/**
 * What every generator page has: its title, a word when no API key is set, the quota it spends,
 * the form (submitted by its button or Ctrl+Enter), and what comes after it (recent results).
 */
export function GeneratorFrame(props: { id: string; title: string; quota: QuotaKind; onSubmit: () => void; children: ReactNode; after?: ReactNode }) {
  return (
    <section className={styles.generator} aria-labelledby={`${props.id}-title`}>
      <h1 id={`${props.id}-title`}>{props.title}</h1>
      <ApiKeyNotice />
      <QuotaMeter kind={props.quota} />
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        {props.children}
      </form>
      {props.after}
    </section>
  );
}
