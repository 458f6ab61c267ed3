import type { GoogleGenAI } from '@google/genai';
import type { ModelCheckResult } from '../../../shared/contract/routes/settings';
import { noAnswerWithin, withDeadline } from './callBudget';
import { toStudioError } from './errors';

export interface ModelCheckOptions {
  /** budget for one look-up; Google answers a model GET in well under a second */
  timeoutMs: number;
  /** look-ups in flight at once: parallel, but a 50-model catalogue should not trip the rate limit */
  concurrency: number;
}

export const DEFAULT_MODEL_CHECK: ModelCheckOptions = { timeoutMs: 15_000, concurrency: 6 };

/**
 * Asks Google whether each id still exists (`GET /v1beta/models/<id>`, docs/generation-and-jobs.md). Only a
 * definite answer counts: found → available, Google's own NOT_FOUND → missing. Anything else — no
 * or bad key, 429, 5xx, network, our timeout — is `unknown`, with the reason a person can act on.
 * Never throws.
 */
export async function checkModels(
  ai: GoogleGenAI,
  ids: readonly string[],
  options: ModelCheckOptions = DEFAULT_MODEL_CHECK,
): Promise<ModelCheckResult[]> {
  const results = new Array<ModelCheckResult>(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      results[index] = await checkModel(ai, ids[index]!, options.timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, ids.length) }, worker));
  return results;
}

async function checkModel(ai: GoogleGenAI, id: string, timeoutMs: number): Promise<ModelCheckResult> {
  // Nobody cancels a check; the deadline ends a look-up that hangs (callBudget.ts).
  try {
    await withDeadline(NEVER_CANCELLED, { timeoutMs, onTimeout: noAnswerWithin(timeoutMs) }, async (deadline) => {
      try {
        await ai.models.get({ model: id, config: { abortSignal: deadline.signal } });
      } catch (error) {
        throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs });
      }
    });
    return { id, status: 'available' };
  } catch (error) {
    const studioError = toStudioError(error);
    const details = studioError.details as { httpStatus?: number; googleStatus?: string } | undefined;
    // A 404 without Google's NOT_FOUND body (a proxy's HTML page, a wrong base URL) says nothing
    // about the model: every id would look gone.
    if (details?.httpStatus === 404 && details.googleStatus === 'NOT_FOUND') {
      return { id, status: 'missing', message: 'Google does not know this model id.' };
    }
    return { id, status: 'unknown', message: studioError.message };
  }
}

const NEVER_CANCELLED = new AbortController().signal;
