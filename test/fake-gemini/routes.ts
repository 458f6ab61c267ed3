// Path → endpoint matching. Paths are relative to `/{prefix}/{version}/`;
// model and id segments never contain `/` or `:` (the SDK builds them that way).
import type { Endpoint } from './types.ts';

interface RouteDef {
  method: 'GET' | 'POST';
  endpoint: Endpoint;
  pattern: RegExp;
}

const ROUTES: readonly RouteDef[] = [
  { method: 'POST', endpoint: 'generateContent', pattern: /^models\/([^/:]+):generateContent$/ },
  { method: 'POST', endpoint: 'predictLongRunning', pattern: /^models\/([^/:]+):predictLongRunning$/ },
  { method: 'GET', endpoint: 'getOperation', pattern: /^models\/([^/:]+)\/operations\/([^/:]+)$/ },
  { method: 'GET', endpoint: 'download', pattern: /^files\/([^/:]+):download$/ },
  { method: 'GET', endpoint: 'getModel', pattern: /^models\/([^/:]+)$/ },
  { method: 'GET', endpoint: 'listModels', pattern: /^models$/ },
  { method: 'POST', endpoint: 'createInteraction', pattern: /^interactions$/ },
  { method: 'GET', endpoint: 'getInteraction', pattern: /^interactions\/([^/:]+)$/ },
  { method: 'POST', endpoint: 'cancelInteraction', pattern: /^interactions\/([^/:]+)\/cancel$/ },
];

export interface RouteMatch {
  endpoint: Endpoint;
  /** Captured path segments, decoded (model id, operation id, file id, interaction id). */
  params: string[];
}

export function matchRoute(method: string, rest: string): RouteMatch | undefined {
  for (const r of ROUTES) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(rest);
    if (m) return { endpoint: r.endpoint, params: m.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

/** Interactions paths use their own error envelope (see errors.ts). */
export function isInteractionsEndpoint(e: Endpoint): boolean {
  return e === 'createInteraction' || e === 'getInteraction' || e === 'cancelInteraction';
}

/** Redirect target of `redirect` downloads: `…/fake-blob/{fileId}`, under any prefix. */
export const BLOB_PATTERN = /\/fake-blob\/([a-z0-9]+)$/;
