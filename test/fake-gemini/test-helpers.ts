// Shared bits of the fake-gemini tests: a real SDK client pointed at the
// fake, and readers for the SDK's error shapes.
import { GoogleGenAI } from '@google/genai';
import type { FakeGemini } from './server.ts';

export function sdkClient(fake: FakeGemini, opts: { apiKey?: string; timeout?: number; baseUrl?: string; apiVersion?: string } = {}): GoogleGenAI {
  return new GoogleGenAI({
    apiKey: opts.apiKey ?? fake.apiKey,
    apiVersion: opts.apiVersion ?? 'v1beta',
    httpOptions: { baseUrl: opts.baseUrl ?? fake.baseUrl, ...(opts.timeout !== undefined ? { timeout: opts.timeout } : {}) },
  });
}

export interface RpcErrorBody {
  code: number;
  message: string;
  status: string;
  details?: Array<Record<string, unknown>>;
}

/** ApiError.message is the JSON error body as a string (docs/generation-and-jobs.md). */
export function parseApiErrorMessage(err: unknown): RpcErrorBody {
  if (!(err instanceof Error)) throw new Error(`not an Error: ${String(err)}`);
  return (JSON.parse(err.message) as { error: RpcErrorBody }).error;
}

/** Await a promise that must reject, and return what it rejected with. */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
