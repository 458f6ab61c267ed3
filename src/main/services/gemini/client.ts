import { GoogleGenAI } from '@google/genai';

export interface GeminiConnection {
  apiKey: string;
  /** the fake server in tests; Google's default when omitted */
  baseUrl?: string;
}

/**
 * One SDK client per call site configuration. `apiVersion` is pinned: SDK 3.x moved the default to
 * /v1/, where Veo is refused for API keys (docs/generation-and-jobs.md). The SDK's own retries stay off —
 * retrying a billable submit could start a second generation.
 */
export function createGenAi({ apiKey, baseUrl }: GeminiConnection): GoogleGenAI {
  return new GoogleGenAI({
    apiKey,
    apiVersion: 'v1beta',
    httpOptions: baseUrl ? { baseUrl } : undefined,
  });
}
