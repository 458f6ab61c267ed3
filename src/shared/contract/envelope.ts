import type { ErrorBody } from './errors';

/**
 * What every request resolves to. Electron drops the error code of a rejected `invoke`, so main
 * never rejects: it resolves with this envelope and the renderer client unwraps it.
 */
export type Envelope<T = unknown> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(error: ErrorBody): Envelope<never> {
  return { ok: false, error };
}
