import { useEffect, useLayoutEffect, useRef } from 'react';
import type { DraftPage } from '../../../../../shared/contract/routes/drafts';
import type { CatalogueModel } from '../../../../../shared/domain/models';
import { call } from '../../../ipc/client';
import { queryKeys } from '../../../queries/keys';
import { queryClient } from '../../../queries/queryClient';
import { useDraftQuery } from '../../../queries/drafts';
import { useSessionStore } from '../../../stores/session';
import { type DraftForms, draftOfForm, formOfDraft, shownDraftOfForm } from './draftForm';
import { useAllowedChoices } from './useAllowedChoices';

/** How long typing pauses before the draft is sent to main. */
export const DRAFT_SAVE_DELAY_MS = 500;

/** Saves not yet sent, by page: sent at once when the page closes or the person signs out. */
const pending = new Map<DraftPage, () => Promise<void>>();

/** Sends every draft save still waiting (before signing out, while the session is still there). */
export async function flushDrafts(): Promise<void> {
  const saves = [...pending.values()];
  pending.clear();
  await Promise.all(saves.map((save) => save()));
}

interface UseDraftOptions<P extends DraftPage> {
  form: DraftForms[P];
  /** replaces the whole form with the draft read back */
  replace: (form: DraftForms[P]) => void;
  /** the page's enabled models; the draft is applied once they are known */
  models: CatalogueModel[];
  modelsReady: boolean;
  /**
   * the page opened with something to do ("reuse settings", "edit this", "try again"): that wins
   * over the stored draft, which it then replaces
   */
  opened: boolean;
}

/**
 * Keeps a generator page's form as the person's draft in main: read when the page opens (merged
 * into the page's defaults against today's catalogue, draftForm.ts), saved ≈ 500 ms after the last
 * change and at once when the page closes. A save never crosses a session: one still waiting when
 * the session ended is dropped (the sign-out button sends it first, `flushDrafts`), so nothing
 * typed by one person is ever stored under the next. While the page is open, the form also follows
 * a change of what the person may use (useAllowedChoices.ts); the sentence it returns says what the
 * form dropped, for the page to show.
 */
export function useDraft<P extends DraftPage>(page: P, { form, replace, models, modelsReady, opened }: UseDraftOptions<P>): string | null {
  const query = useDraftQuery(page, !opened);
  const applied = useRef(opened);
  const initialForm = useRef(form);
  const lastSaved = useRef<DraftForms[P] | null>(null);
  const session = useRef(useSessionStore.getState().generation);

  // Applied before paint when the answer is already there, so the form never flashes empty. Not
  // applied over anything the person already changed while it was on its way.
  useLayoutEffect(() => {
    if (applied.current || !query.isFetched || !modelsReady) return;
    applied.current = true;
    const draft = query.data?.draft;
    if (!draft || form !== initialForm.current) return;
    const merged = formOfDraft(page, draft, initialForm.current, models);
    lastSaved.current = merged;
    replace(merged);
  }, [query.isFetched, query.data, modelsReady, models, form, page, replace]);

  useEffect(() => {
    if (!applied.current || form === lastSaved.current || (form === initialForm.current && !opened)) return;
    const save = async () => {
      if (pending.get(page) === save) pending.delete(page);
      // the session this page was opened in has ended: this person's text must not reach the next
      if (useSessionStore.getState().generation !== session.current) return;
      lastSaved.current = form;
      queryClient.setQueryData(queryKeys.draft(page), { draft: shownDraftOfForm(page, form), updatedAt: Date.now() });
      try {
        await call('drafts.save', { page, value: draftOfForm(page, form) });
      } catch {
        // a failed save is retried by the next change; the page keeps what was typed either way
      }
    };
    pending.set(page, save);
    const timer = setTimeout(() => void save(), DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, page, opened]);

  // leaving the page: what is still waiting goes now
  useEffect(
    () => () => {
      const save = pending.get(page);
      if (save) void save();
    },
    [page],
  );

  return useAllowedChoices(page, { form, replace, models, modelsReady });
}
