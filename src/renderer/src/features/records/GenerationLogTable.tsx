import type { GenerationLogEntry } from '../../../../shared/contract/routes/records';
import { GENERATION_OUTCOME_LABELS } from '../../../../shared/domain/generationLog';
import { plural } from '../../../../shared/domain/plural';
import { formatUsd } from '../../../../shared/domain/pricing';
import { QUOTA_KIND_NOUNS } from '../../../../shared/domain/quotaStatus';
import { formatDateTime } from '../../components/format';
import records from './records.module.css';
import styles from './GenerationLogTable.module.css';

/** What the attempt charged: units only when it succeeded (every other end released them). */
function chargeWords(e: GenerationLogEntry): string {
  const noun = QUOTA_KIND_NOUNS[e.kind];
  if (e.outcome === 'succeeded') return plural(e.units, noun.one, noun.many);
  if (e.outcome === 'running') return `${plural(e.units, noun.one, noun.many)} reserved`;
  return 'Not charged';
}

function costWords(e: GenerationLogEntry): string {
  if (e.costMicros === null) return '—';
  return e.costIsEstimate ? `${formatUsd(e.costMicros)} (estimate)` : formatUsd(e.costMicros);
}

function workstationWords(w: GenerationLogEntry['workstation']): string {
  return `${w.hostName} (${w.osUser}${w.ipv4 ? `, ${w.ipv4}` : ''})`;
}

/**
 * The generation log as a table: one row per attempt, the prompt wrapped in full, and the rest
 * (negative prompt, error, settings, ids) behind a disclosure so rows stay short.
 */
export function GenerationLogTable({ entries, busy }: { entries: readonly GenerationLogEntry[]; busy: boolean }) {
  return (
    <table className={`data-table ${styles.table}`} aria-label="Generation attempts" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Person</th>
          <th scope="col">Kind and model</th>
          <th scope="col">Outcome</th>
          <th scope="col">Charge</th>
          <th scope="col">Prompt</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id} data-outcome={e.outcome}>
            <td className={styles.when}>{formatDateTime(e.at)}</td>
            <td className={styles.person}>
              {e.person.email}
              <span className={styles.sub}>{workstationWords(e.workstation)}</span>
            </td>
            <td>
              {QUOTA_KIND_NOUNS[e.kind].title}
              <span className={styles.sub}>{e.model.label}</span>
            </td>
            <td>
              <span className={styles.outcome} data-outcome={e.outcome}>
                {GENERATION_OUTCOME_LABELS[e.outcome]}
              </span>
            </td>
            <td className={styles.charge}>
              {chargeWords(e)}
              <span className={styles.sub}>{costWords(e)}</span>
            </td>
            <td className={styles.prompt}>
              <p>{e.prompt}</p>
              <details className={records.more}>
                <summary>Details</summary>
                <dl className={records.facts}>
                  {e.negativePrompt && (
                    <>
                      <dt>Avoid</dt>
                      <dd>{e.negativePrompt}</dd>
                    </>
                  )}
                  {e.errorMessage && (
                    <>
                      <dt>What happened</dt>
                      <dd>
                        {e.errorMessage}
                        {e.errorCode && <code> ({e.errorCode})</code>}
                      </dd>
                    </>
                  )}
                  <dt>Finished</dt>
                  <dd>{e.finishedAt === null ? 'Not yet' : formatDateTime(e.finishedAt)}</dd>
                  <dt>Workstation</dt>
                  <dd>{workstationWords(e.workstation)}</dd>
                  <dt>Model id</dt>
                  <dd>
                    <code>{e.model.id}</code>
                  </dd>
                  <dt>Settings</dt>
                  <dd>
                    <code>{Object.keys(e.params).length > 0 ? JSON.stringify(e.params) : 'none'}</code>
                  </dd>
                  <dt>Job</dt>
                  <dd>
                    <code>{e.id}</code>
                  </dd>
                </dl>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
