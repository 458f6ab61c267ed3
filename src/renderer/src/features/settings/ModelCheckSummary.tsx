import type { ModelCheckResult } from '../../../../shared/contract/routes/settings';
import type { CatalogueModel } from '../../../../shared/domain/models';
import styles from './ModelCheckSummary.module.css';

/**
 * The outcome of "check models" in a sentence or three, announced politely. A shared reason for
 * every unchecked model (rate limit, bad key) is said once rather than seven times.
 */
export function ModelCheckSummary({ results, models }: { results: readonly ModelCheckResult[]; models: readonly CatalogueModel[] }) {
  const label = (id: string) => models.find((m) => m.id === id)?.label ?? id;
  const available = results.filter((r) => r.status === 'available');
  const missing = results.filter((r) => r.status === 'missing');
  const unknown = results.filter((r) => r.status === 'unknown');
  const reasons = [...new Set(unknown.map((r) => r.message ?? 'no answer'))];
  return (
    <div role="status" className={styles.summary} data-testid="model-check-summary">
      <p>
        Google knows {available.length} of {results.length} {results.length === 1 ? 'model' : 'models'}.
      </p>
      {missing.length > 0 && (
        <p>
          Google does not know {missing.map((r) => label(r.id)).join(', ')}. {missing.length === 1 ? 'It is' : 'They are'} no longer offered in the
          generators.
        </p>
      )}
      {unknown.length > 0 && (
        <p>
          {unknown.length} could not be checked and {unknown.length === 1 ? 'keeps its' : 'keep their'} last known state: {reasons.join(' ')}
        </p>
      )}
    </div>
  );
}
