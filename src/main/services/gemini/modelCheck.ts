import type { GoogleGenAI } from '@google/genai';
import { StudioError } from '../../../shared/contract/errors';
import type { ModelCheckErrorKind, ModelListOutcome } from '../../../shared/domain/models';
import { noAnswerWithin, withDeadline } from './callBudget';
import { toStudioError } from './errors';

export interface ModelCheckOptions {
  /** budget for the whole paged list; Google answers each page in well under a second */
  timeoutMs: number;
  /** models asked for per page; Google caps it at 1000 and may send fewer */
  pageSize: number;
}

export const DEFAULT_MODEL_CHECK: ModelCheckOptions = { timeoutMs: 30_000, pageSize: 1000 };

/** Pages are followed until Google stops sending a token; a runaway pager ends here. */
const MAX_PAGES = 50;

/**
 * Asks Google which model ids exist: one `models.list` through the SDK's pager (`GET /v1beta/models`
 * with `pageSize`, then `pageToken` while Google sends a `nextPageToken`), docs/models-and-money.md.
 * Only a complete list counts: a failed page, no or a rejected key, a rate limit, a network failure,
 * our deadline, or a list with no models at all (not what Google sends) is a failure with the kind
 * and a sentence a person can act on. Never throws.
 */
export async function listModelIds(ai: GoogleGenAI, options: ModelCheckOptions = DEFAULT_MODEL_CHECK): Promise<ModelListOutcome> {
  try {
    const ids = await withDeadline(
      NEVER_CANCELLED,
      { timeoutMs: options.timeoutMs, onTimeout: noAnswerWithin(options.timeoutMs) },
      async (deadline) => {
        try {
          const found = new Set<string>();
          const pager = await ai.models.list({ config: { pageSize: options.pageSize, abortSignal: deadline.signal } });
          for (let pages = 1; ; pages++) {
            for (const model of pager.page) if (model.name) found.add(model.name.replace(/^models\//, ''));
            if (!pager.hasNextPage()) break;
            if (pages >= MAX_PAGES) throw new StudioError('PROVIDER_ERROR', `Google's model list did not end after ${MAX_PAGES} pages.`);
            await pager.nextPage();
          }
          return found;
        } catch (error) {
          throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: options.timeoutMs });
        }
      },
    );
    if (ids.size === 0) return { ok: false, errorKind: 'google', message: 'Google answered with an empty model list, so nothing was changed.' };
    return { ok: true, ids };
  } catch (error) {
    const studioError = toStudioError(error);
    return { ok: false, errorKind: errorKindOf(studioError), message: studioError.message };
  }
}

function errorKindOf(error: StudioError): ModelCheckErrorKind {
  switch (error.code) {
    case 'INVALID_API_KEY':
      return 'bad-key';
    case 'RATE_LIMITED':
      return 'rate-limit';
    case 'NETWORK_ERROR':
      return 'network';
    case 'TIMEOUT':
      return 'timeout';
    default:
      return 'google';
  }
}

const NEVER_CANCELLED = new AbortController().signal;
