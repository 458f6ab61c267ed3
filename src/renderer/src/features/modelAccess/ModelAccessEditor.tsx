import { type FormEvent, useId, useState } from 'react';
import type { ModelAccessEntry } from '../../../../shared/contract/routes/users';
import type { ModelAccess } from '../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../shared/domain/models';
import { plural } from '../../../../shared/domain/plural';
import { useModelAccessOf, useSetModelAccess } from '../../queries/modelAccess';
import { useSettings } from '../../queries/settings';
import { FormError } from '../auth/FormError';
import { describeAccess } from './describeAccess';
import { ModelAccessFields } from './ModelAccessFields';
import styles from './ModelAccessEditor.module.css';

/**
 * Admin: which models, sizes and resolutions the chosen accounts may use — the workstation default,
 * or access of their own. With several accounts one access is set for all of them. Main checks the
 * scope and refuses, at generation, whatever is not allowed; this form only asks.
 */
export function ModelAccessEditor({ userIds, onSaved }: { userIds: string[]; onSaved: (text: string) => void }) {
  const entries = useModelAccessOf(userIds);
  const settings = useSettings();
  if (entries.isPending || settings.isPending) return <p aria-busy="true">Loading model access…</p>;
  if (entries.isError || settings.isError) return <FormError error={entries.error ?? settings.error} />;
  return (
    <AccessForm
      key={[...userIds].sort().join(',')}
      entries={entries.data.items}
      fallback={settings.data.defaultModelAccess}
      catalogue={settings.data.catalogue}
      onSaved={onSaved}
    />
  );
}

function AccessForm({
  entries,
  fallback,
  catalogue,
  onSaved,
}: {
  entries: ModelAccessEntry[];
  fallback: ModelAccess;
  catalogue: CatalogueModel[];
  onSaved: (text: string) => void;
}) {
  const id = useId();
  const first = entries[0];
  const [followsDefault, setFollowsDefault] = useState(first?.access === null);
  const [draft, setDraft] = useState<ModelAccess>(first?.effective ?? fallback);
  const save = useSetModelAccess();
  const differ = new Set(entries.map((e) => JSON.stringify(e.access))).size > 1;
  const who = entries.length === 1 ? first!.email : plural(entries.length, 'account', 'accounts');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const access = followsDefault ? null : draft;
    save.mutate(
      { userIds: entries.map((e) => e.userId), access },
      { onSuccess: () => onSaved(`Model access of ${who}: ${access ? describeAccess(access, catalogue) : 'the workstation default'}.`) },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Model access</h3>
      {differ && <p className="hint">These accounts have different access now; saving gives all of them the same.</p>}
      <label className="inline">
        <input type="radio" name={`${id}-source`} checked={followsDefault} onChange={() => setFollowsDefault(true)} />
        Follow the workstation default ({describeAccess(fallback, catalogue)})
      </label>
      <label className="inline">
        <input
          type="radio"
          name={`${id}-source`}
          checked={!followsDefault}
          onChange={() => {
            setFollowsDefault(false);
            setDraft((d) => d ?? fallback);
          }}
        />
        Access of their own
      </label>
      {!followsDefault && (
        <div className={styles.own}>
          <ModelAccessFields value={draft} onChange={setDraft} catalogue={catalogue} />
        </div>
      )}
      <FormError error={save.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save model access
        </button>
      </div>
    </form>
  );
}
