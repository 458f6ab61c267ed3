import { QUOTA_PERIODS, type QuotaKind, type QuotaPeriod } from '../../../../shared/domain/quotas';
import { QUOTA_KIND_NOUNS, QUOTA_PERIOD_LABELS } from '../../../../shared/domain/quotaStatus';
import type { PolicyDraft } from './policyDraft';

/**
 * The period and limit of one quota kind, as two table cells: shared by the per-user quota
 * editor and the default policy in Settings, so both speak the same words and names
 * ("Images period", "Images limit").
 */
export function QuotaPolicyCells({
  kind,
  draft,
  disabled = false,
  invalid,
  describedBy,
  onChange,
}: {
  kind: QuotaKind;
  draft: PolicyDraft;
  disabled?: boolean;
  invalid: boolean;
  /** id of the element that explains an invalid limit */
  describedBy?: string;
  onChange: (patch: Partial<PolicyDraft>) => void;
}) {
  const title = QUOTA_KIND_NOUNS[kind].title;
  const unlimited = draft.period === 'unlimited';
  return (
    <>
      <td>
        <select
          aria-label={`${title} period`}
          value={draft.period}
          disabled={disabled}
          onChange={(e) => onChange({ period: e.target.value as QuotaPeriod })}
        >
          {QUOTA_PERIODS.map((p) => (
            <option key={p} value={p}>
              {p === 'unlimited' ? 'Unlimited' : QUOTA_PERIOD_LABELS[p]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          aria-label={draft.money ? `${title} limit in dollars` : `${title} limit`}
          inputMode={draft.money ? 'decimal' : 'numeric'}
          value={unlimited ? '' : draft.limit}
          placeholder={unlimited ? (draft.money ? 'no budget' : 'no limit') : draft.money ? 'dollars' : undefined}
          disabled={disabled || unlimited}
          aria-invalid={invalid}
          aria-describedby={invalid ? describedBy : undefined}
          onChange={(e) => onChange({ limit: e.target.value })}
        />
      </td>
    </>
  );
}
