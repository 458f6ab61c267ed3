import { type FormEvent, useState } from 'react';
import type { InviteResult } from '../../../../shared/contract/routes/users';
import { type Role, isPlausibleEmail, normalizeEmail, splitEmailList } from '../../../../shared/domain/accounts';
import { QUOTA_PERIODS, type QuotaPolicies, type QuotaPolicy } from '../../../../shared/domain/quotas';
import { Modal } from '../../components/Modal';
import { FormError } from '../auth/FormError';
import { useInvite } from '../../queries/users';
import { SetupCodeList } from './SetupCodeList';
import { useDiscardGuard } from './useDiscardGuard';
import { useReturnFocus } from './useReturnFocus';
import styles from './InviteDialog.module.css';
import { plural } from '../../../../shared/domain/plural';

const KIND_LABEL = { image: 'Images', edit: 'Edits', video: 'Videos' } as const;
/** the unit quotas set here; a budget is set afterwards on the Users page, in dollars */
const INVITE_KINDS = ['image', 'edit', 'video'] as const;

/** The entries main would refuse as addresses, checked as they are typed (the same rule as main's). */
function invalidEntries(emails: string[]): string[] {
  return emails.filter((e) => !isPlausibleEmail(normalizeEmail(e)));
}

/**
 * Bulk invite: paste emails, choose a role and quotas; then the codes of the new accounts first,
 * each with its person, and the entries not invited with the reason. The typed text is kept: after a
 * refusal (of the request or of some entries) "Change the addresses" brings it back.
 */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  useReturnFocus();
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [customQuotas, setCustomQuotas] = useState(false);
  const [quotas, setQuotas] = useState<Required<Omit<QuotaPolicies, 'spend'>>>({
    image: { period: 'daily', limit: 50 },
    edit: { period: 'daily', limit: 30 },
    video: { period: 'daily', limit: 10 },
  });
  const invite = useInvite();
  const emails = splitEmailList(text);
  const invalid = invalidEntries(emails);

  const results = invite.data?.results;
  const codes = (results ?? []).flatMap((r) => (r.code && r.codeExpiresAt ? [{ email: r.email, code: r.code, expiresAt: r.codeExpiresAt }] : []));
  const { onKept, requestClose, guard } = useDiscardGuard(codes, onClose);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (emails.length === 0 || invalid.length > 0) return;
    invite.mutate({ emails, role, ...(customQuotas ? { quotas } : {}) });
  }

  /** Back to the form with the entries that were not invited, so they can be corrected, not retyped. */
  function changeRefused(refused: InviteResult[]): void {
    setText(refused.map((r) => r.email).join('\n'));
    invite.reset();
  }

  const setPolicy = (kind: (typeof INVITE_KINDS)[number], policy: Partial<QuotaPolicy>) =>
    setQuotas((q) => ({ ...q, [kind]: { ...q[kind], ...policy } }));

  const refused = (results ?? []).filter((r) => r.status !== 'created');
  return (
    <>
      <Modal title="Invite people" onClose={results ? () => requestClose() : onClose} wide>
        {!results ? (
          <form onSubmit={submit}>
            <label htmlFor="invite-emails">Email addresses</label>
            <textarea
              id="invite-emails"
              rows={6}
              required
              aria-describedby="invite-emails-hint invite-emails-check"
              aria-invalid={invalid.length > 0}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <p id="invite-emails-hint" className="hint">
              One per line, or separated by commas. {emails.length > 0 ? `${plural(emails.length, 'address', 'addresses')}.` : ''}
            </p>
            <p id="invite-emails-check" className={invalid.length > 0 ? 'form-error' : styles.checkOk} aria-live="polite">
              {invalid.length === 1
                ? `Not an email address: ${invalid[0]}. Correct or remove it to invite.`
                : invalid.length > 1
                  ? `Not email addresses: ${invalid.join(', ')}. Correct or remove them to invite.`
                  : ''}
            </p>
            <label htmlFor="invite-role">Role</label>
            <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="user">User</option>
              <option value="admin">Admin</option>
            </select>
            <fieldset>
              <legend>Quotas</legend>
              <label className="inline">
                <input type="radio" name="quota-choice" checked={!customQuotas} onChange={() => setCustomQuotas(false)} /> Default policy
              </label>
              <label className="inline">
                <input type="radio" name="quota-choice" checked={customQuotas} onChange={() => setCustomQuotas(true)} /> Set quotas for these people
              </label>
              {customQuotas &&
                INVITE_KINDS.map((kind) => (
                  <div key={kind} className={styles.quotaRow}>
                    <span>{KIND_LABEL[kind]}</span>
                    <select
                      aria-label={`${KIND_LABEL[kind]} period`}
                      value={quotas[kind].period}
                      onChange={(e) => setPolicy(kind, { period: e.target.value as QuotaPolicy['period'] })}
                    >
                      {QUOTA_PERIODS.map((p) => (
                        <option key={p} value={p}>
                          {p}
                        </option>
                      ))}
                    </select>
                    <input
                      type="number"
                      min={0}
                      max={1_000_000}
                      aria-label={`${KIND_LABEL[kind]} limit`}
                      disabled={quotas[kind].period === 'unlimited'}
                      value={quotas[kind].limit}
                      onChange={(e) => setPolicy(kind, { limit: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
                    />
                  </div>
                ))}
            </fieldset>
            <FormError error={invite.error} />
            <div className="form-actions">
              <button type="submit" className="primary" disabled={invite.isPending || emails.length === 0 || invalid.length > 0}>
                {invite.isPending ? 'Inviting…' : `Invite ${emails.length || ''}`.trim()}
              </button>
              <button type="button" onClick={onClose}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <>
            {codes.length > 0 ? <SetupCodeList codes={codes} onKept={onKept} /> : <p role="status">Nobody was invited.</p>}
            {refused.length > 0 && (
              <section aria-labelledby="invite-refused-title" className={styles.refused}>
                <h3 id="invite-refused-title">Not invited ({refused.length})</h3>
                <ul aria-label="Not invited">
                  {refused.map((r, i) => (
                    <li key={`${r.email}-${i}`}>
                      <strong>{r.email}</strong>: {r.message}
                    </li>
                  ))}
                </ul>
                <button type="button" onClick={() => requestClose(() => changeRefused(refused))}>
                  Change these addresses
                </button>
              </section>
            )}
            <div className="form-actions">
              <button type="button" onClick={() => requestClose()}>
                Done
              </button>
            </div>
          </>
        )}
      </Modal>
      {guard}
    </>
  );
}
