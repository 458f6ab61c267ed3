import type { QuotaKind } from '../../../../shared/domain/quotas';
import { quotaFit } from '../../../../shared/domain/quotaStatus';
import { useQuotaStatus } from '../../queries/quotas';

/**
 * Whether `asked` units of `kind` fit the signed-in person's quota, from the cached status that
 * `quota.changed` keeps live (docs/quotas.md). Until the status has loaded, it fits: main still
 * refuses an over-quota request with QUOTA_EXCEEDED, so this only spares a click that cannot work.
 */
export function useQuotaFit(kind: QuotaKind, asked: number) {
  const { data } = useQuotaStatus();
  return data ? quotaFit(data.kinds[kind], asked, data.askAdmins) : ({ fits: true } as const);
}

/** The reason beside a Generate button the quota disabled; nothing while the request fits. */
export function QuotaFitNote(props: { id: string; fit: ReturnType<typeof useQuotaFit> }) {
  if (props.fit.fits) return null;
  return (
    <p id={props.id} className="notice" role="status">
      {props.fit.message}
    </p>
  );
}
