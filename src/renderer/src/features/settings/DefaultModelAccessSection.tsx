import { type FormEvent, useId, useState } from 'react';
import type { ModelAccess } from '../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../shared/domain/models';
import { useUpdateSettings } from '../../queries/settings';
import { FormError } from '../auth/FormError';
import { ModelAccessFields } from '../modelAccess/ModelAccessFields';
import settings from './SettingsPage.module.css';

/**
 * What accounts without access of their own may use (docs/models-and-money.md). They follow it, so a
 * change reaches them at once; accounts with their own access keep it.
 */
export function DefaultModelAccessSection({ access, catalogue }: { access: ModelAccess; catalogue: CatalogueModel[] }) {
  const id = useId();
  const [draft, setDraft] = useState(access);
  const [saved, setSaved] = useState(false);
  const save = useUpdateSettings();
  const changed = JSON.stringify(draft) !== JSON.stringify(access);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!changed || save.isPending) return;
    setSaved(false);
    save.mutate({ defaultModelAccess: draft }, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Default model access</h2>
      <p className="hint">
        What people may use unless an admin gives them access of their own (Users → Quotas). For example, no 4K video for students.
      </p>
      <form className={settings.form} onSubmit={submit} noValidate>
        <ModelAccessFields
          value={draft}
          onChange={(next) => {
            setDraft(next);
            setSaved(false);
          }}
          catalogue={catalogue}
        />
        <FormError error={save.error} />
        {saved && (
          <p role="status" className="form-success">
            Default model access saved.
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!changed || save.isPending}>
            Save default access
          </button>
        </div>
      </form>
    </section>
  );
}
