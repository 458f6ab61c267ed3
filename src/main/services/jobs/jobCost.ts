import { eq } from 'drizzle-orm';
import type { ImageSize } from '../../../shared/domain/models';
import { type CostFigure, costFromUsage, estimateCost, type PricedOrder, type PriceRules, type ReportedUsage } from '../../../shared/domain/pricing';
import type { Db } from '../../db/client';
import { job } from '../../db/schema';
import { inTransaction, withWriteTx } from '../../db/tx';
import type { JobRepository, JobRow } from './jobRepository';
import type { QuotaPort } from './ports';

/**
 * What one job's order is, for its price: one image (each image of a request is its own job and its
 * own call to Google), or one video.
 */
export function pricedOrderOf(row: Pick<JobRow, 'kind' | 'params' | 'inputIds'>): PricedOrder {
  const params = row.params as { imageSize?: string; resolution?: string; durationSeconds?: number };
  if (row.kind === 'video') return { kind: 'video', resolution: params.resolution, durationSeconds: params.durationSeconds };
  return { kind: row.kind, count: 1, imageSize: params.imageSize as ImageSize | undefined, inputImages: row.inputIds.length };
}

/**
 * What a finished job cost, in micro-dollars: from Google's usage report where it gives the output
 * tokens (image or video) and the rules have their rate, else the price table for what was ordered.
 *
 * Only the counts the rules can price are taken from the report: the shipped rules carry no rate
 * for prompt text (a prompt of a few hundred tokens costs well under a cent), so the input side is
 * the table's per-input-image price unless an input token rate is known. Null when neither the
 * report nor the table prices it.
 */
export function actualCostOf(row: Pick<JobRow, 'kind' | 'params' | 'inputIds'>, rules: PriceRules | null, usage?: ReportedUsage): CostFigure | null {
  if (!rules) return null;
  const order = pricedOrderOf(row);
  if (usage && (usage.imageOutputTokens || usage.videoOutputTokens)) {
    const priced: ReportedUsage = {
      imageOutputTokens: usage.imageOutputTokens,
      videoOutputTokens: usage.videoOutputTokens,
      ...(rules.tokens.input !== undefined ? { inputTokens: usage.inputTokens } : {}),
    };
    const fromUsage = costFromUsage(rules, priced);
    if (fromUsage) {
      const inputs = order.kind === 'video' || rules.tokens.input !== undefined ? 0 : order.inputImages * rules.perInputImage;
      return { ...fromUsage, microUsd: fromUsage.microUsd + inputs };
    }
  }
  return estimateCost(rules, order);
}

/**
 * What a job that ended without a result cost. Google's answer to a blocked or failed call reports
 * nothing billed (and the API does not bill refusals), so 0 — with one exception: a Veo job that was
 * submitted and then cancelled keeps running on Google's side (Veo has no cancel), and Google bills
 * it, so it costs its estimate. An `interrupted` job's outcome is unknown: it costs its estimate
 * too, because the admin's bill is what a budget protects.
 */
export function unfinishedCostOf(row: Pick<JobRow, 'status' | 'provider' | 'submittedAt' | 'estimatedCostMicros'>): number {
  const billedAnyway = row.submittedAt !== null && (row.status === 'interrupted' || (row.status === 'cancelled' && row.provider === 'veo'));
  return billedAnyway ? (row.estimatedCostMicros ?? 0) : 0;
}

/**
 * The job runner's quota port with every job's cost attached: a commit (the job succeeded) records
 * the actual cost on the job and charges it to the person's budget; a release (the job ended any
 * other way) records what it cost and charges that, then gives the rest back. A release for a job
 * Google finished (a video whose download or save failed here) charges what Google billed, as a
 * success would; its unit still comes back, like an interrupted job's (the person got no result). Both run inside the
 * runner's own transaction where it has one, so the job row, the cost and the ledger move together.
 */
/** `prices`: the rules in force for a model (the admin's correction, else shipped; shared/domain/priceTable.ts). */
export function withJobCost(port: QuotaPort, deps: { db: Db; jobs: JobRepository; prices: (modelId: string) => PriceRules | null }): QuotaPort {
  const prices = deps.prices;
  const setCost = (row: JobRow, micros: number | null, asOf: string | null) =>
    deps.db
      .update(job)
      .set({ actualCostMicros: micros, priceAsOf: row.priceAsOf ?? asOf })
      .where(eq(job.id, row.id))
      .run();
  const inTx = <T>(body: () => T): T => (inTransaction(deps.db) ? body() : withWriteTx(deps.db, body));
  return {
    ...port,
    commit(jobId, usage) {
      inTx(() => {
        port.commit(jobId);
        const row = deps.jobs.get(jobId);
        if (!row || row.actualCostMicros !== null) return;
        const figure = actualCostOf(row, prices(row.model), usage);
        setCost(row, figure?.microUsd ?? null, figure?.asOf ?? null);
        // no price known at all: what was reserved (nothing, or the estimate) is what is charged
        port.commitSpend(jobId, figure?.microUsd ?? row.estimatedCostMicros ?? 0);
      });
    },
    release(jobId, billedByGoogle) {
      inTx(() => {
        const row = deps.jobs.get(jobId);
        if (row && row.actualCostMicros === null && row.status !== 'succeeded') {
          // Google made it and bills it, whatever happened to it here: priced as a success would be
          const billed = billedByGoogle ? actualCostOf(row, prices(row.model), billedByGoogle.usage) : null;
          const cost = billedByGoogle ? (billed?.microUsd ?? row.estimatedCostMicros ?? 0) : unfinishedCostOf(row);
          setCost(row, cost, billed?.asOf ?? null);
          if (cost > 0) port.commitSpend(jobId, cost);
        }
        port.release(jobId);
      });
    },
  };
}
