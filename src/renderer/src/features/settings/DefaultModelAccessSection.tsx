import { type FormEvent, useId, useState } from 'react';
import type { ModelAccess } from '../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../shared/domain/models';
import { useUpdateSettings } from '../../queries/settings';
import { ModelAccessFields } from '../modelAccess/ModelAccessFields';
import { SaveRow } from './SaveRow';
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
        <SaveRow
          error={save.error}
          status={saved ? 'Default model access saved.' : null}
          label="Save default access"
          pending={save.isPending}
          disabled={!changed || save.isPending}
        />
      </form>
    </section>
  );
}
