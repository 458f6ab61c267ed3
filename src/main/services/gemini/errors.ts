import { StudioError } from '../../../shared/contract/errors';
import { storageErrorOf } from '../../storageErrors';

/** Why we aborted a call: the SDK reports a user cancel and our own timeout as the same AbortError. */
export type AbortReason = 'cancelled' | 'timeout';

interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: { '@type'?: string; retryDelay?: string; reason?: string }[];
}

/**
 * Turns whatever the SDK or fetch threw into a StudioError with a message a person can act on
 * (docs/generation-and-jobs.md). `abortReason` is what we know about an abort that the SDK does not tell us.
 */
export function toStudioError(error: unknown, context: { abortReason?: AbortReason; timeoutMs?: number } = {}): StudioError {
  if (error instanceof StudioError) return error;
  // A full or read-only disk met while saving what Google sent is this computer's fault, not Google's
  const storage = storageErrorOf(error);
  if (storage) return storage;
  if (isTooLongForMemory(error)) {
    return new StudioError(
      'PROVIDER_ERROR',
      'Google sent the video inside its answer, and it is larger than the studio can receive that way (about 400 MB). Try a shorter or lower-resolution video.',
    );
  }
  if (isAbort(error)) {
    if (context.abortReason === 'timeout') {
      const seconds = context.timeoutMs ? Math.round(context.timeoutMs / 1000) : undefined;
      return new StudioError('TIMEOUT', seconds ? `Google did not answer within ${seconds} seconds.` : 'Google did not answer in time.');
    }
    return new StudioError('CANCELLED', 'Cancelled.');
  }
  const status = httpStatusOf(error);
  if (status !== undefined) return fromHttpError(status, googleErrorBody(error));
  if (isNetworkError(error)) return new StudioError('NETWORK_ERROR', 'Could not reach Google. Check the network connection and try again.');
  return new StudioError('PROVIDER_ERROR', 'Google returned something unexpected. Try again.');
}

function fromHttpError(status: number, body: GoogleErrorBody | undefined): StudioError {
  const reason = body?.message?.slice(0, 300);
  const details = { httpStatus: status, googleStatus: body?.status };
  if (status === 429) {
    const retryAfterSeconds = retryDelaySeconds(body);
    const when = retryAfterSeconds ? ` Try again in ${retryAfterSeconds} s.` : ' Try again in a little while.';
    return new StudioError('RATE_LIMITED', `Google's rate limit was reached.${when}`, { ...details, retryAfterSeconds });
  }
  if (isBadKey(status, body)) {
    return new StudioError('INVALID_API_KEY', 'Google rejected the API key. Ask an admin to check it in Settings.', details);
  }
  if (status === 400) return new StudioError('PROVIDER_ERROR', `Google refused the request: ${reason ?? 'invalid request'}`, details);
  if (status === 404)
    return new StudioError('PROVIDER_ERROR', `Google does not know this model or operation (404).${reason ? ` ${reason}` : ''}`, details);
  if (status >= 500) return new StudioError('PROVIDER_ERROR', `Google had a problem (${status}). Try again later.`, details);
  return new StudioError('PROVIDER_ERROR', `Google answered with an error (${status})${reason ? `: ${reason}` : '.'}`, details);
}

function isBadKey(status: number, body: GoogleErrorBody | undefined): boolean {
  if (status === 401 || status === 403) return true;
  if (status !== 400) return false;
  const text = `${body?.status ?? ''} ${body?.message ?? ''} ${(body?.details ?? []).map((d) => d.reason ?? '').join(' ')}`;
  return /API_KEY_INVALID|API key not valid/i.test(text);
}

function retryDelaySeconds(body: GoogleErrorBody | undefined): number | undefined {
  const delay = body?.details?.find((d) => d['@type']?.endsWith('RetryInfo'))?.retryDelay;
  const seconds = delay ? Number.parseFloat(delay) : Number.NaN;
  return Number.isFinite(seconds) ? Math.ceil(seconds) : undefined;
}

function isAbort(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'AbortError' || error.name === 'APIUserAbortError' || error.name === 'APIConnectionTimeoutError' || error.name === 'TimeoutError'
  );
}

/** ApiError (models path) carries `status`; the Interactions client's errors carry `status` too. */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 ? status : undefined;
}

/**
 * ApiError's message is the JSON error body (docs/generation-and-jobs.md); the Interactions client keeps it
 * parsed in `error.error`.
 */
function googleErrorBody(error: unknown): GoogleErrorBody | undefined {
  const nested = (error as { error?: { error?: GoogleErrorBody } } | null)?.error?.error;
  if (nested && typeof nested === 'object') return nested;
  if (!(error instanceof Error)) return undefined;
  try {
    const parsed = JSON.parse(error.message) as { error?: GoogleErrorBody };
    return parsed.error;
  } catch {
    return undefined;
  }
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'APIConnectionError') return true;
  const code = (error.cause as { code?: string } | undefined)?.code ?? (error as { code?: string }).code;
  return (
    (error instanceof TypeError && /fetch failed|terminated/i.test(error.message)) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'].includes(code ?? '')
  );
}

/**
 * An answer too big for one JavaScript string (V8 caps strings at ~512 M characters, so an inline
 * base64 video over ~400 MB): Node says ERR_STRING_TOO_LONG, V8 "Invalid string length".
 */
function isTooLongForMemory(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    if ((current as { code?: unknown }).code === 'ERR_STRING_TOO_LONG') return true;
    if (current instanceof RangeError && /Invalid string length|Array buffer allocation failed/i.test(current.message)) return true;
  }
  return false;
}
