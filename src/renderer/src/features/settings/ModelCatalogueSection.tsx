import { useId, useState } from 'react';
import type { CatalogueModel, ModelCheckRecord } from '../../../../shared/domain/models';
import { successorChain } from '../../../../shared/domain/modelSuccessors';
import { formatDateTime } from '../../components/format';
import { useMigrateModel } from '../../queries/modelCatalogue';
import { useCheckModels, useUpdateModels } from '../../queries/settings';
import { FormError } from '../auth/FormError';
import { AddModelDialog } from './AddModelDialog';
import { addModel, catalogueProblems, missingDefaults, removeModel, sameCatalogue, setDefault, setEnabled } from './catalogueDraft';
import { ModelCheckSummary } from './ModelCheckSummary';
import { ModelRow } from './ModelRow';
import settings from './SettingsPage.module.css';
import styles from './ModelCatalogueSection.module.css';

/**
 * The model catalogue (docs/generation-and-jobs.md): models are data, edited here and saved as a whole. Edits collect
 * in a draft until "Save catalogue"; `missing` always shows what main last heard from Google,
 * since main keeps that flag whatever the draft says.
 */
export function ModelCatalogueSection({ catalogue, modelCheck }: { catalogue: CatalogueModel[]; modelCheck: ModelCheckRecord | null }) {
  const id = useId();
  const [draft, setDraft] = useState<CatalogueModel[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useUpdateModels();
  const check = useCheckModels();
  const migrate = useMigrateModel();
  // one-click moves offered only to a successor Google listed at the last successful check
  const confirmed = new Set(modelCheck?.confirmed ?? []);
  const successorOf = (m: CatalogueModel) =>
    m.enabled
      ? catalogue.find((s) => s.id === successorChain(m.id).find((id) => catalogue.some((c) => c.id === id)) && confirmed.has(s.id) && !s.missing)
      : undefined;

  const missingNow = new Map(catalogue.map((m) => [m.id, m.missing]));
  const models = (draft ?? catalogue).map((m) => ({ ...m, missing: missingNow.get(m.id) ?? false }));
  const dirty = draft !== null && !sameCatalogue(models, catalogue);
  const problems = catalogueProblems(models);
  const results = new Map((check.data?.results ?? []).map((r) => [r.id, r]));

  const edit = (change: (models: CatalogueModel[]) => CatalogueModel[], message: string | null = null) => {
    setDraft(change(models));
    setNotice(message);
    save.reset();
  };
  const submit = () => {
    if (!dirty || problems.length > 0) return;
    save.mutate(
      { models },
      {
        onSuccess: () => {
          setDraft(null);
          setNotice('Catalogue saved. The generator pages offer the enabled models now.');
        },
      },
    );
  };

  return (
    <section className={settings.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Model catalogue</h2>
      <p className="hint">
        Google’s model ids change often. Disabled models and models Google no longer knows stay listed here but are not offered in the generators.
      </p>
      {missingDefaults(models).map((m) => (
        <p key={m.id} className="notice" role="note">
          Google no longer offers the default {m.kind} model, {m.label}. Generators use another {m.kind} model until you choose a new default.
        </p>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <table className={`data-table ${styles.table}`} aria-label="Model catalogue" aria-describedby={`${id}-problems`}>
          <thead>
            <tr>
              <th scope="col">Label</th>
              <th scope="col">Id</th>
              <th scope="col">Kind</th>
              <th scope="col">Family</th>
              <th scope="col">Enabled</th>
              <th scope="col">Default</th>
              <th scope="col">At Google</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <ModelRow
                key={m.id}
                model={m}
                saved={missingNow.has(m.id)}
                check={results.get(m.id)}
                onEnabled={(enabled) => edit((all) => setEnabled(all, m.id, enabled))}
                onDefault={() => edit((all) => setDefault(all, m.id))}
                onRemove={() => edit((all) => removeModel(all, m.id), `Removed ${m.label}. Save the catalogue to keep the change.`)}
                successor={dirty ? undefined : successorOf(m)}
                onMigrate={(to) =>
                  migrate.mutate({ from: m.id, to: to.id }, { onSuccess: () => setNotice(`${m.label} is disabled; ${to.label} takes its place.`) })
                }
              />
            ))}
          </tbody>
        </table>
        <div id={`${id}-problems`}>
          {problems.length > 0 && (
            <ul className="form-error" role="alert" aria-label="Why the catalogue cannot be saved yet">
              {problems.map((p) => (
                <li key={p}>{p}.</li>
              ))}
            </ul>
          )}
          <FormError error={save.error} />
        </div>
        {notice && (
          <p role="status" className="form-success">
            {notice}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={!dirty || problems.length > 0 || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save catalogue'}
          </button>
          {dirty && (
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setNotice('Changes discarded.');
                save.reset();
              }}
            >
              Discard changes
            </button>
          )}
          <button type="button" onClick={() => setAdding(true)}>
            Add model…
          </button>
          <button type="button" disabled={check.isPending} onClick={() => check.mutate()} aria-describedby={`${id}-check-hint`}>
            {check.isPending ? 'Checking with Google…' : 'Check models with Google'}
          </button>
        </div>
        <p id={`${id}-check-hint`} className="hint">
          Asks Google for its list of models; the studio also does this at start and once a day. Only a complete list hides a model: a failed check
          changes nothing.
          {modelCheck && (
            <>
              {' '}
              Last check: {formatDateTime(modelCheck.at)},{' '}
              {modelCheck.outcome === 'ok' ? 'complete' : `failed (${modelCheck.message ?? 'no answer'})`}.
            </>
          )}
        </p>
        <FormError error={check.error} />
        <FormError error={migrate.error} />
        {check.data && <ModelCheckSummary results={check.data.results} models={models} />}
      </form>
      {adding && (
        <AddModelDialog
          existingIds={models.map((m) => m.id)}
          onClose={() => setAdding(false)}
          onAdd={(model) => {
            setAdding(false);
            edit((all) => addModel(all, model), `Added ${model.label}. Save the catalogue to keep it.`);
          }}
        />
      )}
    </section>
  );
}
