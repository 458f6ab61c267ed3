import type { FormEvent } from 'react';
import type { CatalogueModel, ModelFamily } from '../../../../shared/domain/models';
import { Modal } from '../../components/Modal';
import { CapabilitiesFields } from './CapabilitiesFields';
import { FAMILIES_BY_KIND, FAMILY_LABELS, kindOfFamily } from './catalogueDraft';
import { Field, TextField } from './FormFields';
import { buildModel, newModelForm } from './modelForm';
import settings from './SettingsPage.module.css';
import { useCheckedForm } from './useCheckedForm';

/**
 * A new catalogue entry: Google's id, a label, kind and family, and capabilities that start from
 * the family's shipped preset. It joins the table as an unsaved change; "Save catalogue" sends it.
 */
export function AddModelDialog({
  existingIds,
  onAdd,
  onClose,
}: {
  existingIds: readonly string[];
  onAdd: (model: CatalogueModel) => void;
  onClose: () => void;
}) {
  const { form, setForm, patch, built, problems, attempted, attempt, text } = useCheckedForm(
    () => newModelForm('gemini-image'),
    (f) => buildModel(f, existingIds),
  );
  const kind = kindOfFamily(form.family);

  // a family brings its own capabilities: Veo's durations make no sense for an image model
  const chooseFamily = (family: ModelFamily) => setForm((f) => newModelForm(family, { id: f.id, label: f.label, enabled: f.enabled }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt();
    if (built.model) onAdd(built.model);
  };

  return (
    <Modal title="Add a model" onClose={onClose} wide>
      <form className={settings.form} onSubmit={submit} noValidate>
        <TextField label="Model id" hint="Exactly as Google names it, like gemini-3.1-flash-image." {...text('id')} />
        <TextField label="Label" hint="What people see in the model list." {...text('label')} />
        <Field label="Kind">
          {(control) => (
            <select {...control} value={kind} onChange={(e) => chooseFamily(FAMILIES_BY_KIND[e.target.value as 'image' | 'video'][0]!)}>
              <option value="image">Image</option>
              <option value="video">Video</option>
            </select>
          )}
        </Field>
        <Field label="Family" hint="Decides how the app talks to Google. Choosing a kind or family fills in the capabilities of its shipped model.">
          {(control) => (
            <select {...control} value={form.family} onChange={(e) => chooseFamily(e.target.value as ModelFamily)}>
              {FAMILIES_BY_KIND[kind].map((f) => (
                <option key={f} value={f}>
                  {FAMILY_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CapabilitiesFields form={form} problems={problems} onChange={patch} />
        <label className="inline">
          <input type="checkbox" checked={form.enabled} onChange={(e) => patch({ enabled: e.target.checked })} />
          Enabled (offered in the generators once saved)
        </label>
        {attempted && built.problems && (
          <p className="form-error" role="alert">
            Check the highlighted fields: {Object.values(built.problems).join(' ')}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary">
            Add to catalogue
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
