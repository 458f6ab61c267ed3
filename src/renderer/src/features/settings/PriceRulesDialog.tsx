import { type FormEvent, useId } from 'react';
import type { CatalogueModel } from '../../../../shared/domain/models';
import type { PriceEntry } from '../../../../shared/domain/priceTable';
import { Modal } from '../../components/Modal';
import { useUpdatePrices } from '../../queries/settings';
import { FormError } from '../auth/FormError';
import { TextField } from './FormFields';
import { buildPriceRules, priceFormOf } from './priceForm';
import styles from './PriceRulesDialog.module.css';
import settings from './SettingsPage.module.css';
import { useCheckedForm } from './useCheckedForm';

const TOKEN_LABELS = {
  input: 'Input tokens',
  output: 'Output tokens (text)',
  imageOutput: 'Image output tokens',
  videoOutput: 'Video output tokens',
} as const;

/** Today on the workstation's calendar, as the "as of" date a correction starts with. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Corrects one model's prices. Empty fields mean "not priced": the estimate then says no price is
 * known rather than showing a wrong figure. "Back to the shipped prices" drops the correction.
 */
export function PriceRulesDialog({ model, entry, onClose }: { model: CatalogueModel; entry: PriceEntry | null; onClose: () => void }) {
  const id = useId();
  const {
    form,
    patch,
    built,
    problems,
    attempt,
    text,
    entry: entryOf,
  } = useCheckedForm(() => priceFormOf(model, entry?.rules ?? null, today()), buildPriceRules);
  const save = useUpdatePrices();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt();
    if (built.rules) save.mutate({ modelId: model.id, rules: built.rules }, { onSuccess: onClose });
  };

  return (
    <Modal title={`Prices of ${model.label}`} onClose={onClose} wide>
      <form className={settings.form} onSubmit={submit} noValidate aria-describedby={`${id}-hint`}>
        <p id={`${id}-hint`} className="hint">
          In US dollars. New estimates and budgets use these from the moment you save; jobs already made keep what they were priced at.
        </p>
        <fieldset className={styles.grid}>
          <legend>{model.kind === 'image' ? 'Per output image' : 'Per second of video'}</legend>
          {Object.keys(form.perImage).map((size) => (
            <TextField key={size} label={`${size} image`} inputMode="text" {...entryOf('perImage', size)} />
          ))}
          {Object.keys(form.perSecond).map((resolution) => (
            <TextField key={resolution} label={`${resolution === '4k' ? '4K' : resolution} per second`} {...entryOf('perSecond', resolution)} />
          ))}
          {model.kind === 'image' ? (
            <TextField label="Per input image" hint="Each source or reference image sent with the prompt." {...text('perInputImage')} />
          ) : (
            <TextField label="Seconds assumed when the model decides the length" inputMode="numeric" {...text('typicalSeconds')} />
          )}
        </fieldset>
        <fieldset className={styles.grid}>
          <legend>Per million tokens (for the actual cost from Google's usage report)</legend>
          {(Object.keys(TOKEN_LABELS) as (keyof typeof TOKEN_LABELS)[]).map((k) => (
            <TextField key={k} label={TOKEN_LABELS[k]} {...entryOf('tokens', k)} />
          ))}
        </fieldset>
        <TextField label="As of" hint="The day you read these prices." {...text('asOf')} />
        <TextField label="Source" hint="Where they come from, for the next admin who checks them." {...text('source')} />
        <label className="inline">
          <input type="checkbox" checked={form.estimate} onChange={(e) => patch({ estimate: e.target.checked })} />
          The source calls these figures estimates
        </label>
        {problems.form && (
          <p className="form-error" role="alert">
            {problems.form}
          </p>
        )}
        <FormError error={save.error} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={save.isPending}>
            Save prices
          </button>
          {entry?.edited && (
            <button type="button" disabled={save.isPending} onClick={() => save.mutate({ modelId: model.id, rules: null }, { onSuccess: onClose })}>
              Back to the shipped prices
            </button>
          )}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
