/**
 * Error codes that cross the contract. Main never throws across a transport: every failure becomes
 * `{ ok: false, error: { code, message, details? } }` with one of these codes.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUOTA_EXCEEDED',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'SETUP_CODE_INVALID',
  'INVALID_CREDENTIALS',
  'PASSWORD_REJECTED',
  'PROVIDER_ERROR',
  'CONTENT_BLOCKED',
  'NO_API_KEY',
  'INVALID_API_KEY',
  'TIMEOUT',
  'NETWORK_ERROR',
  'CANCELLED',
  'BUSY',
  'DISK_FULL',
  'STORAGE_UNWRITABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * The one error type on both sides: services throw it in main, the renderer client rethrows it from
 * an error envelope. `message` is always safe to show to the person at the screen.
 */
export class StudioError extends Error {
  override readonly name = 'StudioError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isStudioError(value: unknown): value is StudioError {
  return value instanceof StudioError;
}
