import { useId } from 'react';
import { IMAGE_SIZES, type CatalogueModel, type ImageSize } from '../../../../shared/domain/models';
import { type ModelAccess, resolutionLabel, VIDEO_RESOLUTIONS, type VideoResolution } from '../../../../shared/domain/modelAccess';
import { CheckboxGroup } from '../settings/FormFields';
import styles from './ModelAccessFields.module.css';

/**
 * The three parts of a model access, as form fields: every model or only the ticked ones, the largest
 * image size and the highest video resolution. The same fields edit an account's access (Users) and
 * the workstation default (Settings), so both say the same thing the same way.
 */
export function ModelAccessFields({
  value,
  onChange,
  catalogue,
}: {
  value: ModelAccess;
  onChange: (value: ModelAccess) => void;
  catalogue: CatalogueModel[];
}) {
  const id = useId();
  const models = catalogue.filter((m) => m.enabled);
  const chosen = value.models ?? [];
  return (
    <div className={styles.fields}>
      <fieldset className={styles.group}>
        <legend>Models</legend>
        <label className="inline">
          <input type="radio" name={`${id}-models`} checked={value.models === null} onChange={() => onChange({ ...value, models: null })} />
          Every model the studio offers
        </label>
        <label className="inline">
          <input
            type="radio"
            name={`${id}-models`}
            checked={value.models !== null}
            onChange={() => onChange({ ...value, models: models.map((m) => m.id) })}
          />
          Only these
        </label>
        {value.models !== null && (
          <div className={styles.modelLists}>
            {(['image', 'video'] as const).map((kind) => (
              <CheckboxGroup
                key={kind}
                legend={kind === 'image' ? 'Image models' : 'Video models'}
                options={models.filter((m) => m.kind === kind).map((m) => ({ value: m.id, label: m.label }))}
                chosen={chosen.filter((c) => models.some((m) => m.id === c && m.kind === kind))}
                onChange={(picked) =>
                  onChange({ ...value, models: [...chosen.filter((c) => !models.some((m) => m.id === c && m.kind === kind)), ...picked] })
                }
              />
            ))}
          </div>
        )}
      </fieldset>
      <div className={styles.ceilings}>
        <label htmlFor={`${id}-size`}>Largest image size</label>
        <select
          id={`${id}-size`}
          value={value.maxImageSize ?? ''}
          onChange={(e) => onChange({ ...value, maxImageSize: (e.target.value || null) as ImageSize | null })}
        >
          <option value="">Any size</option>
          {IMAGE_SIZES.map((s) => (
            <option key={s} value={s}>
              Up to {s}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-resolution`}>Highest video resolution</label>
        <select
          id={`${id}-resolution`}
          value={value.maxVideoResolution ?? ''}
          onChange={(e) => onChange({ ...value, maxVideoResolution: (e.target.value || null) as VideoResolution | null })}
        >
          <option value="">Any resolution</option>
          {VIDEO_RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              Up to {resolutionLabel(r)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
