import { useId, useState } from 'react';
import type { ModelAccess } from '../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../shared/domain/models';
import { ModelAccessFields } from '../modelAccess/ModelAccessFields';
import { SaveRow } from './SaveRow';
import settings from './SettingsPage.module.css';
import { useSettingsSave } from './useSettingsSave';

/**
 * What accounts without access of their own may use (docs/models-and-money.md). They follow it, so a
 * change reaches them at once; accounts with their own access keep it.
 */
export function DefaultModelAccessSection({ access, catalogue }: { access: ModelAccess; catalogue: CatalogueModel[] }) {
  const id = useId();
  const [draft, setDraft] = useState(access);
  const { save, saved, submit, edited } = useSettingsSave();
  const changed = JSON.stringify(draft) !== JSON.stringify(access);

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Default model access</h2>
      <p className="hint">
        What people may use unless an admin gives them access of their own (Users → Quotas). For example, no 4K video for students.
      </p>
      <form className={settings.form} onSubmit={submit(changed && !save.isPending, () => ({ defaultModelAccess: draft }))} noValidate>
        <ModelAccessFields value={draft} onChange={edited(setDraft)} catalogue={catalogue} />
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
