import { type FormEvent, useId, useState } from 'react';
import type { CatalogueModel, ModelFamily } from '../../../../shared/domain/models';
import { Modal } from '../../components/Modal';
import { CapabilitiesFields } from './CapabilitiesFields';
import { FAMILIES_BY_KIND, FAMILY_LABELS, kindOfFamily } from './catalogueDraft';
import { TextField } from './FormFields';
import { buildModel, type ModelFormState, newModelForm } from './modelForm';
import settings from './SettingsPage.module.css';

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
  const id = useId();
  const [form, setForm] = useState<ModelFormState>(() => newModelForm('gemini-image'));
  // problems appear after the first try, not while the admin is still typing the id
  const [attempted, setAttempted] = useState(false);
  const built = buildModel(form, existingIds);
  const problems = attempted ? (built.problems ?? {}) : {};
  const kind = kindOfFamily(form.family);

  const patch = (next: Partial<ModelFormState>) => setForm((f) => ({ ...f, ...next }));
  // a family brings its own capabilities: Veo's durations make no sense for an image model
  const chooseFamily = (family: ModelFamily) => setForm((f) => newModelForm(family, { id: f.id, label: f.label, enabled: f.enabled }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    if (built.model) onAdd(built.model);
  };

  return (
    <Modal title="Add a model" onClose={onClose} wide>
      <form className={settings.form} onSubmit={submit} noValidate>
        <TextField
          label="Model id"
          value={form.id}
          hint="Exactly as Google names it, like gemini-3.1-flash-image."
          problem={problems.id}
          onChange={(v) => patch({ id: v })}
        />
        <TextField
          label="Label"
          value={form.label}
          hint="What people see in the model list."
          problem={problems.label}
          onChange={(v) => patch({ label: v })}
        />
        <div className={settings.field}>
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => chooseFamily(FAMILIES_BY_KIND[e.target.value as 'image' | 'video'][0]!)}>
            <option value="image">Image</option>
            <option value="video">Video</option>
          </select>
        </div>
        <div className={settings.field}>
          <label htmlFor={`${id}-family`}>Family</label>
          <select
            id={`${id}-family`}
            value={form.family}
            aria-describedby={`${id}-family-hint`}
            onChange={(e) => chooseFamily(e.target.value as ModelFamily)}
          >
            {FAMILIES_BY_KIND[kind].map((f) => (
              <option key={f} value={f}>
                {FAMILY_LABELS[f]}
              </option>
            ))}
          </select>
          <p id={`${id}-family-hint`} className="hint">
            Decides how the app talks to Google. Choosing a kind or family fills in the capabilities of its shipped model.
          </p>
        </div>
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
