import type { ModelCheckResult } from '../../../../shared/contract/routes/settings';
import type { CatalogueModel } from '../../../../shared/domain/models';
import { FAMILY_LABELS } from './catalogueDraft';
import styles from './ModelCatalogueSection.module.css';

/**
 * One catalogue entry. The default radios of a kind share a name, so arrow keys move between them
 * as in any radio group; a disabled model cannot be the default (main would refuse it).
 */
export function ModelRow({
  model,
  saved,
  check,
  onEnabled,
  onDefault,
  onRemove,
  successor,
  onMigrate,
}: {
  model: CatalogueModel;
  /** false for a model added in this editor and not saved yet */
  saved: boolean;
  /** what the last "check models" said about this id */
  check: ModelCheckResult | undefined;
  onEnabled: (enabled: boolean) => void;
  onDefault: () => void;
  onRemove: () => void;
  /** the model's successor (modelSuccessors.ts), when Google listed it at the last check */
  successor?: CatalogueModel | undefined;
  onMigrate?: (to: CatalogueModel) => void;
}) {
  const kindWord = model.kind === 'image' ? 'image' : 'video';
  return (
    <tr className={model.missing ? styles.missingRow : undefined} data-testid="catalogue-row" data-model-id={model.id}>
      <th scope="row">{model.label}</th>
      <td>
        <code>{model.id}</code>
      </td>
      <td>{model.kind === 'image' ? 'Image' : 'Video'}</td>
      <td>{FAMILY_LABELS[model.family]}</td>
      <td>
        <input type="checkbox" aria-label={`Enabled: ${model.label}`} checked={model.enabled} onChange={(e) => onEnabled(e.target.checked)} />
      </td>
      <td>
        <input
          type="radio"
          name={`default-${model.kind}`}
          aria-label={`Default ${kindWord} model: ${model.label}`}
          checked={model.isDefault}
          disabled={!model.enabled}
          onChange={onDefault}
        />
      </td>
      <td>
        <GoogleStatus model={model} saved={saved} check={check} />
      </td>
      <td>
        {successor && onMigrate && (
          <button type="button" className="link" aria-label={`Move ${model.label} to ${successor.label}`} onClick={() => onMigrate(successor)}>
            Move to {successor.label}
          </button>
        )}{' '}
        {!model.isDefault && (
          <button type="button" className="link danger" aria-label={`Remove ${model.label}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}

function GoogleStatus({ model, saved, check }: { model: CatalogueModel; saved: boolean; check: ModelCheckResult | undefined }) {
  if (!saved) return <span className="muted">New, not saved</span>;
  return (
    <>
      {model.missing && (
        <span className={`badge ${styles.badgeMissing}`} title="Google did not know this id at the last check; generators do not offer it.">
          Missing at Google
        </span>
      )}
      {check?.status === 'available' && <span className={styles.checkOk}>Available</span>}
      {check?.status === 'unknown' && <span className="muted">Not checked: {check.message}</span>}
    </>
  );
}
