import { estimateText, type PricedOrder } from '../../../../shared/domain/pricing';
import { quotaFit } from '../../../../shared/domain/quotaStatus';
import { estimateWithHold } from '../../../../shared/domain/priceTable';
import { usePrices } from '../../queries/models';
import { useQuotaStatus } from '../../queries/quotas';

/** The order as a form holds it (the size is whatever the picker says). */
type FormOrder = { kind: 'image' | 'edit'; count: number; imageSize?: string; inputImages: number } | Extract<PricedOrder, { kind: 'video' }>;

/**
 * The price of what the form would send, beside Generate: "≈ $0.40 for 4 images". It is the same
 * function main stores on the job and reserves against the budget, over the rules main sends with the model list (shared/domain/priceTable.ts),
 * so the figure shown is the figure charged before Google reports the usage. When a budget is set
 * and the estimate does not fit what is left, it says so (main refuses such a request anyway).
 */
export function EstimateNote({ model, order: form }: { model: string | undefined; order: FormOrder }) {
  const { data } = useQuotaStatus();
  const prices = usePrices();
  if (!model) return null;
  // a size the model does not offer has no price: "No price known", never a guess
  const order = form as PricedOrder;
  const priced = estimateWithHold(model, order, prices);
  const figure = priced?.estimate ?? null;
  // the budget must hold the estimate plus room for Google's own count, as main checks it
  const budget = priced && data ? quotaFit(data.kinds.spend, priced.holdMicros, data.askAdmins, priced.estimate.microUsd) : { fits: true as const };
  return (
    <p className="muted" data-testid="estimate" aria-live="polite">
      {estimateText(figure, order)}
      {figure?.estimate ? <span title="Some of these prices are third-party figures or an assumed video length."> (estimate)</span> : null}
      {!budget.fits && (
        <>
          {' '}
          <strong data-testid="estimate-over-budget">{budget.message}</strong>
        </>
      )}
    </p>
  );
}
