import { replacedDefaults } from '../../../../shared/domain/models';
import { formatDateTime } from '../../components/format';
import { useMigrateModel } from '../../queries/modelCatalogue';
import { useSettings } from '../../queries/settings';
import { FormError } from '../auth/FormError';
import styles from './ModelNoticeBanner.module.css';

/**
 * Admins only, on every page (docs/models-and-money.md): a default model Google no longer lists and
 * the one generators use instead, with "Make it the default"; and the last catalogue check's failure
 * in plain words, since an automatic check fails silently otherwise. Nothing shows while all is well.
 */
export function ModelNoticeBanner() {
  const settings = useSettings();
  const migrate = useMigrateModel();
  if (!settings.data) return null;
  const replaced = replacedDefaults(settings.data.catalogue);
  const check = settings.data.modelCheck;
  const failed = check?.outcome === 'failed' ? check : null;
  if (replaced.length === 0 && !failed) return null;
  return (
    <div className={styles.banner} role="region" aria-label="Notices for admins" data-testid="model-notices">
      {replaced.map(({ kind, missing, servedBy }) => (
        <div key={kind} className="notice" role="note">
          <p id={`model-notice-${kind}`}>
            {servedBy
              ? `${missing.label} is no longer offered by Google; ${servedBy.label} is used instead.`
              : `${missing.label} is no longer offered by Google, and no other ${kind} model is enabled. Enable one in Settings.`}
          </p>
          {servedBy && (
            <button
              type="button"
              disabled={migrate.isPending}
              aria-describedby={`model-notice-${kind}`}
              onClick={() => migrate.mutate({ from: missing.id, to: servedBy.id })}
            >
              Make it the default
            </button>
          )}
        </div>
      ))}
      {failed && (
        <div className="notice" role="note">
          <p>
            The last check of Google’s model list ({formatDateTime(failed.at)}) failed: {failed.message} Every model keeps its last known state
            {failed.lastSuccessAt ? ` from ${formatDateTime(failed.lastSuccessAt)}` : ''}.
          </p>
        </div>
      )}
      <FormError error={migrate.error} />
    </div>
  );
}
