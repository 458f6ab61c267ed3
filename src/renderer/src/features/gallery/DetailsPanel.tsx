import type { MediaItem } from '../../../../shared/contract/routes/media';
import { useMediaDetails } from '../../queries/media';
import { formatDateTime } from '../../components/format';
import { formatBytes, formatDuration, formatParam, paramLabel } from './format';
import styles from './DetailsPanel.module.css';
import { plural } from '../../../../shared/domain/plural';
import { formatUsd } from '../../../../shared/domain/pricing';

/** "$0.04 (estimated $0.03)" — what Google's usage says it cost, with the estimate it was sent at. */
function costText(cost: { estimatedMicros: number | null; actualMicros: number | null }): string {
  if (cost.actualMicros === null) return cost.estimatedMicros === null ? 'No price known' : `≈ ${formatUsd(cost.estimatedMicros)} (estimate)`;
  const estimate =
    cost.estimatedMicros !== null && cost.estimatedMicros !== cost.actualMicros ? ` (estimated ${formatUsd(cost.estimatedMicros)})` : '';
  return `${formatUsd(cost.actualMicros)}${estimate}`;
}

/**
 * Everything recorded about an item: prompt, negative prompt, model, every parameter, what it was
 * made from, when — and for admins whose it is and which workstation made it.
 */
export function DetailsPanel({ item }: { item: MediaItem }) {
  const details = useMediaDetails(item.id);
  const full = details.data;
  return (
    <section aria-label="Details">
      <h2>Details</h2>
      <dl className={`facts ${styles.facts}`}>
        <dt>Prompt</dt>
        <dd data-testid="details-prompt">{item.prompt ?? <span className="muted">none (imported image)</span>}</dd>
        {item.negativePrompt && (
          <>
            <dt>Negative prompt</dt>
            <dd>{item.negativePrompt}</dd>
          </>
        )}
        <dt>Model</dt>
        <dd>{item.model ?? '—'}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(item.createdAt)}</dd>
        <dt>File</dt>
        <dd>
          {item.mimeType} · {formatBytes(item.bytes)}
          {item.width && item.height ? ` · ${item.width}×${item.height}` : ''}
          {item.durationMs ? ` · ${formatDuration(item.durationMs)}` : ''}
        </dd>
        {full?.cost && (
          <>
            <dt>Cost</dt>
            <dd data-testid="details-cost">{costText(full.cost)}</dd>
          </>
        )}
        {item.owner && (
          <>
            <dt>Owner</dt>
            <dd data-testid="details-owner">{item.owner.email}</dd>
          </>
        )}
        {item.workstation && (
          <>
            <dt>Workstation</dt>
            <dd data-testid="details-workstation">
              {item.workstation.hostName} · {item.workstation.osUser}
              {item.workstation.ipv4 ? ` · ${item.workstation.ipv4}` : ''}
            </dd>
          </>
        )}
      </dl>

      {details.isError && <p role="alert">The details could not be loaded.</p>}
      {full && Object.keys(full.params).length > 0 && (
        <>
          <h3>Parameters</h3>
          <dl className={`facts ${styles.facts}`}>
            {Object.entries(full.params).map(([key, value]) => (
              <div key={key} className={styles.factRow}>
                <dt>{paramLabel(key)}</dt>
                <dd>{formatParam(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {full && full.inputs.length > 0 && <RelatedItems title="Made from" items={full.inputs} />}
      {full && full.sourceChain.length > 0 && <RelatedItems title="Source chain" items={full.sourceChain} />}
      {full && full.inputIds.length > full.inputs.length && (
        <p className="muted">{plural(full.inputIds.length - full.inputs.length, 'input was', 'inputs were')} deleted or not visible to you.</p>
      )}
    </section>
  );
}

function RelatedItems({ title, items }: { title: string; items: MediaItem[] }) {
  return (
    <>
      <h3>{title}</h3>
      <ul className={styles.related}>
        {items.map((related) => (
          <li key={related.id}>
            {related.thumbUrl && !related.missing ? (
              <img src={related.thumbUrl} alt="" />
            ) : (
              <span className={styles.relatedPlaceholder} aria-hidden="true" />
            )}
            <span>
              {related.kind === 'input' ? 'Input image' : related.kind === 'video' ? 'Video' : 'Image'}
              {related.prompt ? ` — ${related.prompt}` : ''}
              <span className="muted"> · {formatDateTime(related.createdAt)}</span>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
