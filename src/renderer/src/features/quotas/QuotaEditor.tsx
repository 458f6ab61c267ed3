import { type FormEvent, useEffect, useId, useState } from 'react';
import { isStudioError } from '../../../../shared/contract/errors';
import { QUOTA_KINDS, type QuotaKind, type QuotaPolicies } from '../../../../shared/domain/quotas';
import { QUOTA_KIND_NOUNS, quotaAmount } from '../../../../shared/domain/quotaStatus';
import { useQuotasOf, useResetQuotaUsage, useSetQuotas } from '../../queries/quotas';
import { draftChanged, draftFromPolicy, limitIsValid, limitProblems, type PolicyDraft, policyFromDraft } from './policyDraft';
import { QuotaPolicyCells } from './QuotaPolicyCells';
import { remainingText, resetText } from './quotaText';
import styles from './QuotaEditor.module.css';

interface Draft extends PolicyDraft {
  change: boolean;
}

type Drafts = Record<QuotaKind, Draft>;

/**
 * Admin: edit quotas of one user inline, or set them for a selection. With one user the form starts
 * from their policies and shows their usage; with several, each kind is left alone unless ticked
 * ("Change"), because their current policies may differ. Scope is enforced by main; this form
 * only shows what main returned.
 */
export function QuotaEditor(props: { userIds: string[]; onSaved?: (policies: QuotaPolicies) => void }) {
  // a new selection starts a new form, never the last selection's half-edited drafts
  return <QuotaEditorForm key={[...props.userIds].sort().join(',')} {...props} />;
}

function QuotaEditorForm({ userIds, onSaved }: { userIds: string[]; onSaved?: (policies: QuotaPolicies) => void }) {
  const query = useQuotasOf(userIds);
  const save = useSetQuotas();
  const single = userIds.length === 1;
  const [drafts, setDrafts] = useState<Drafts | null>(null);
  const [initial, setInitial] = useState<Drafts | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const formId = useId();
  const problemId = `${formId}-problem`;

  // Start from what main says (one user: their policies; a selection: the first user's, unticked).
  useEffect(() => {
    if (!query.data || drafts) return;
    const first = query.data.users[0]?.status.kinds;
    const initial = {} as Drafts;
    for (const kind of QUOTA_KINDS) {
      initial[kind] = {
        change: single,
        ...draftFromPolicy({ period: first?.[kind].period ?? (kind === 'spend' ? 'unlimited' : 'daily'), limit: first?.[kind].limit ?? 0 }, kind),
      };
    }
    setDrafts(initial);
    setInitial(initial);
  }, [query.data, drafts, single]);

  if (userIds.length === 0) return <p className="muted">Select at least one account.</p>;
  if (query.isPending || !drafts || !initial) return <p aria-busy="true">Loading quotas…</p>;
  if (query.isError)
    return (
      <p role="alert" className="form-error">
        {errorText(query.error)}
      </p>
    );

  const update = (kind: QuotaKind, patch: Partial<Draft>) => setDrafts({ ...drafts, [kind]: { ...drafts[kind], ...patch } });
  // One user: save only what was edited, so untouched kinds keep following the default.
  // A selection: save the ticked kinds.
  const chosen = QUOTA_KINDS.filter((k) => (single ? draftChanged(drafts[k], initial[k]) : drafts[k].change));
  const invalid = chosen.filter((k) => !limitIsValid(drafts[k]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (chosen.length === 0 || invalid.length > 0) return;
    const policies: QuotaPolicies = {};
    for (const kind of chosen) policies[kind] = policyFromDraft(drafts[kind]);
    save.mutate(
      { userIds, policies },
      {
        onSuccess: () => {
          setMessage(single ? 'Quotas saved.' : `Quotas saved for ${userIds.length} accounts.`);
          setInitial(drafts);
          onSaved?.(policies);
        },
      },
    );
  };

  const one = single ? query.data.users[0] : undefined;
  return (
    <form onSubmit={submit} aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{one ? `Quotas for ${one.email}` : `Quotas for ${userIds.length} selected accounts`}</h2>
      {!single && <p className="muted">Tick the quotas to change; the others keep each account's current setting.</p>}
      <table className={styles.table}>
        <thead>
          <tr>
            {!single && <th scope="col">Change</th>}
            <th scope="col">Kind</th>
            <th scope="col">Period</th>
            <th scope="col">Limit</th>
            {one && <th scope="col">This period</th>}
          </tr>
        </thead>
        <tbody>
          {QUOTA_KINDS.map((kind) => {
            const d = drafts[kind];
            const title = QUOTA_KIND_NOUNS[kind].title;
            const current = one?.status.kinds[kind];
            return (
              <tr key={kind}>
                {!single && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Change ${title.toLowerCase()} quota`}
                      checked={d.change}
                      onChange={(e) => update(kind, { change: e.target.checked })}
                    />
                  </td>
                )}
                <th scope="row">{title}</th>
                <QuotaPolicyCells
                  kind={kind}
                  draft={d}
                  disabled={!d.change}
                  invalid={invalid.includes(kind)}
                  describedBy={problemId}
                  onChange={(patch) => update(kind, patch)}
                />
                {current && (
                  <td className="muted">
                    {quotaAmount(kind, current.used)} {kind === 'spend' ? 'spent' : 'used'}
                    {current.remaining === null ? '' : `, ${remainingText(current)}`}
                    {resetText(current) ? ` · ${resetText(current)}` : ''}
                    {current.isDefault ? ' · default policy' : ''}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {invalid.length > 0 && (
        <p className="form-error" role="alert" id={problemId}>
          {limitProblems(invalid, (k) => QUOTA_KIND_NOUNS[k].title.toLowerCase())}
        </p>
      )}
      {save.isError && (
        <p className="form-error" role="alert">
          {errorText(save.error)}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      {single && chosen.length === 0 && !message && <p className="muted">Change a period or a limit to save.</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.isPending || chosen.length === 0 || invalid.length > 0}>
          {save.isPending ? 'Saving…' : 'Save quotas'}
        </button>
        {one && <ResetUsageButton userId={one.userId} email={one.email} />}
      </div>
    </form>
  );
}

/** A two-step reset (audited in main): a stray click or Enter never wipes someone's usage. */
function ResetUsageButton({ userId, email }: { userId: string; email: string }) {
  const reset = useResetQuotaUsage();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  if (!confirming) {
    return (
      <>
        <button
          type="button"
          onClick={() => {
            setConfirming(true);
            setDone(false);
          }}
        >
          Reset current usage…
        </button>
        {done && <span role="status">Usage reset.</span>}
      </>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm usage reset">
      <span>Start {email}'s current periods over from zero?</span>
      <button
        type="button"
        className="danger"
        disabled={reset.isPending}
        onClick={() =>
          reset.mutate(
            { userId },
            {
              onSuccess: () => {
                setConfirming(false);
                setDone(true);
              },
            },
          )
        }
      >
        Reset usage
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {reset.isError && (
        <span className="form-error" role="alert">
          {errorText(reset.error)}
        </span>
      )}
    </span>
  );
}

function errorText(error: unknown): string {
  return isStudioError(error) ? error.message : 'Something went wrong. Try again.';
}
