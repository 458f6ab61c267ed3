import { type FormEvent, useState } from 'react';
import type { InviteResult } from '../../../../shared/contract/routes/users';
import { splitEmailList } from '../../../../shared/domain/accounts';
import { QUOTA_KINDS, QUOTA_PERIODS, type QuotaPolicies, type QuotaPolicy } from '../../../../shared/domain/quotas';
import { Modal } from '../../components/Modal';
import { FormError } from '../auth/FormError';
import { useInvite } from '../../queries/users';
import { SetupCodeList } from './SetupCodeList';
import styles from './InviteDialog.module.css';

const STATUS_LABEL: Record<InviteResult['status'], string> = { created: 'Created', invalid: 'Invalid', exists: 'Already exists' };
const KIND_LABEL = { image: 'Images', edit: 'Edits', video: 'Videos' } as const;

/** Bulk invite: paste emails, choose a role and quotas, get one result per email and the codes. */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [role, setRole] = useState<'user' | 'admin'>('user');
  const [customQuotas, setCustomQuotas] = useState(false);
  const [quotas, setQuotas] = useState<Required<QuotaPolicies>>({
    image: { period: 'daily', limit: 50 },
    edit: { period: 'daily', limit: 30 },
    video: { period: 'daily', limit: 10 },
  });
  const invite = useInvite();
  const emails = splitEmailList(text);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (emails.length === 0) return;
    invite.mutate({ emails, role, ...(customQuotas ? { quotas } : {}) });
  }

  const setPolicy = (kind: (typeof QUOTA_KINDS)[number], policy: Partial<QuotaPolicy>) =>
    setQuotas((q) => ({ ...q, [kind]: { ...q[kind], ...policy } }));

  const results = invite.data?.results;
  return (
    <Modal title="Invite people" onClose={onClose} wide>
      {!results ? (
        <form onSubmit={submit}>
          <label htmlFor="invite-emails">Email addresses</label>
          <textarea
            id="invite-emails"
            rows={6}
            required
            aria-describedby="invite-emails-hint"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <p id="invite-emails-hint" className="hint">
            One per line, or separated by commas. {emails.length > 0 ? `${emails.length} address(es).` : ''}
          </p>
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as 'user' | 'admin')}>
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
              QUOTA_KINDS.map((kind) => (
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
            <button type="submit" className="primary" disabled={invite.isPending || emails.length === 0}>
              {invite.isPending ? 'Inviting…' : `Invite ${emails.length || ''}`.trim()}
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <table className={`data-table ${styles.results}`} aria-label="Invite results">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Result</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r, i) => (
                <tr key={`${r.email}-${i}`} data-result={r.status}>
                  <td>{r.email}</td>
                  <td>{STATUS_LABEL[r.status]}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <SetupCodeList
            codes={results.flatMap((r) => (r.code && r.codeExpiresAt ? [{ email: r.email, code: r.code, expiresAt: r.codeExpiresAt }] : []))}
          />
          <div className="form-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
