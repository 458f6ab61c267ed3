import { useEffect, useRef, useState } from 'react';
import type { DraftPage } from '../../../../../shared/contract/routes/drafts';
import type { CatalogueModel } from '../../../../../shared/domain/models';
import { type DraftForms, formForNewCatalogue } from './draftForm';

/**
 * Keeps an open generator's form within what the person may use. When the model list changes while
 * the page is open (main's `models.changed` marks it stale, queries/liveUpdates.ts), a model, size or
 * option no longer offered falls back as a draft read back would (draftForm.ts), and the returned
 * sentence says what changed until the person next changes the form. The first list the page gets
 * is the page's own starting point (the draft is merged against it), not a change.
 */
export function useAllowedChoices<P extends DraftPage>(
  page: P,
  {
    form,
    replace,
    models,
    modelsReady,
  }: { form: DraftForms[P]; replace: (form: DraftForms[P]) => void; models: CatalogueModel[]; modelsReady: boolean },
): string | null {
  const [note, setNote] = useState<{ text: string; form: DraftForms[P] } | null>(null);
  const latest = useRef({ form, replace, models });
  latest.current = { form, replace, models };
  const seen = useRef<CatalogueModel[] | null>(null);
  // `models` is filtered anew on every render: what matters is whether the list itself changed
  const signature = JSON.stringify(models);

  useEffect(() => {
    if (!modelsReady) return;
    const before = seen.current;
    const { form: current, replace: replaceForm, models: after } = latest.current;
    seen.current = after;
    if (before === null) return;
    const corrected = formForNewCatalogue(page, current, before, after);
    if (!corrected) return;
    replaceForm(corrected.form);
    setNote(corrected.note === null ? null : { text: corrected.note, form: corrected.form });
  }, [signature, modelsReady, page]);

  // the person changed the form since: the sentence has done its job
  const shown = note !== null && note.form === form ? note.text : null;
  return shown;
}
