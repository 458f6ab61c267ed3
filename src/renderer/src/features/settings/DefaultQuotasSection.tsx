import { useId, useState } from 'react';
import { QUOTA_KINDS, type QuotaKind, type QuotaPolicy } from '../../../../shared/domain/quotas';
import { QUOTA_KIND_NOUNS } from '../../../../shared/domain/quotaStatus';
import { draftChanged, draftFromPolicy, limitIsValid, limitProblems, type PolicyDraft, policyFromDraft } from '../quotas/policyDraft';
import { QuotaPolicyCells } from '../quotas/QuotaPolicyCells';
import { SaveRow } from './SaveRow';
import settings from './SettingsPage.module.css';
import { useSettingsSave } from './useSettingsSave';
import quotaEditor from '../quotas/QuotaEditor.module.css';

type DefaultQuotas = Record<QuotaKind, QuotaPolicy>;

const draftsOf = (quotas: DefaultQuotas) =>
  Object.fromEntries(QUOTA_KINDS.map((k) => [k, draftFromPolicy(quotas[k], k)])) as Record<QuotaKind, PolicyDraft>;

/**
 * The policy new accounts start with (docs/quotas.md). Accounts without quotas of their own follow it, so
 * a change reaches them at once; accounts with their own quotas keep them.
 */
export function DefaultQuotasSection({ defaultQuotas }: { defaultQuotas: DefaultQuotas }) {
  const id = useId();
  const [drafts, setDrafts] = useState(() => draftsOf(defaultQuotas));
  const { save, saved, submit, edited } = useSettingsSave();
  const current = draftsOf(defaultQuotas);

  const invalid = QUOTA_KINDS.filter((k) => !limitIsValid(drafts[k]));
  const changed = QUOTA_KINDS.some((k) => draftChanged(drafts[k], current[k]));
  const canSave = changed && invalid.length === 0 && !save.isPending;
  const changes = () => ({ defaultQuotas: Object.fromEntries(QUOTA_KINDS.map((k) => [k, policyFromDraft(drafts[k])])) as DefaultQuotas });

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Default quotas for new accounts</h2>
      <p className="hint">Accounts without quotas of their own follow these, and see a change at once.</p>
      <form className={settings.form} onSubmit={submit(canSave, changes)} noValidate>
        <table className={quotaEditor.table} aria-label="Default quotas">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Period</th>
              <th scope="col">Limit</th>
            </tr>
          </thead>
          <tbody>
            {QUOTA_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{QUOTA_KIND_NOUNS[kind].title}</th>
                <QuotaPolicyCells
                  kind={kind}
                  draft={drafts[kind]}
                  invalid={invalid.includes(kind)}
                  describedBy={`${id}-problem`}
                  onChange={edited((patch: Partial<PolicyDraft>) => setDrafts((d) => ({ ...d, [kind]: { ...d[kind], ...patch } })))}
                />
              </tr>
            ))}
          </tbody>
        </table>
        {invalid.length > 0 && (
          <p id={`${id}-problem`} className="form-error" role="alert">
            {limitProblems(invalid, (k) => QUOTA_KIND_NOUNS[k].title.toLowerCase())}
          </p>
        )}
        <SaveRow
          error={save.error}
          status={saved ? 'Default quotas saved.' : null}
          label="Save default quotas"
          pending={save.isPending}
          disabled={!canSave}
        />
      </form>
    </section>
  );
}
