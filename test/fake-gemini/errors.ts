// Error bodies as Google sends them. Two families:
// - the `models/…` and `files/…` paths use google.rpc.Status JSON
//   ({error:{code:<number>, message, status, details?}}), which the SDK turns into ApiError;
// - the Interactions API documents its own envelope with string codes
//   ({error:{code:'rate_limit_exceeded', message}}), see ai.google.dev/gemini-api/docs/api-errors.
import type { ErrorReply } from './types.ts';

export interface HttpReply {
  status: number;
  contentType: string;
  body: string;
}

interface RpcError {
  code: number;
  status: string;
  message: string;
  details?: unknown[];
}

const RPC: Record<Exclude<ErrorReply, '503-html'>, RpcError> = {
  '400': { code: 400, status: 'INVALID_ARGUMENT', message: 'Unsupported aspect ratio: 5:7.' },
  '403': {
    code: 403,
    status: 'PERMISSION_DENIED',
    message:
      "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  },
  '404': { code: 404, status: 'NOT_FOUND', message: 'Requested entity was not found.' },
  '429': {
    code: 429,
    status: 'RESOURCE_EXHAUSTED',
    message: 'You exceeded your current quota, please check your plan and billing details.',
  },
  '500': {
    code: 500,
    status: 'INTERNAL',
    message: 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  },
  '503': { code: 503, status: 'UNAVAILABLE', message: 'The model is overloaded. Please try again later.' },
};

// Interactions codes: 400/401/403/404/429 are the documented names; 500/503 are
// best guesses (the docs page was not fully readable), kept apart so they are easy to fix.
const INTERACTION_CODES: Record<Exclude<ErrorReply, '503-html'>, string> = {
  '400': 'invalid_request',
  '403': 'permission_denied',
  '404': 'not_found',
  '429': 'rate_limit_exceeded',
  '500': 'internal_error',
  '503': 'service_unavailable',
};

function json(status: number, body: unknown): HttpReply {
  return { status, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(body) };
}

/** The 503 a Google front end sends when the backend is down: HTML, not JSON. */
export function htmlUnavailable(): HttpReply {
  return {
    status: 503,
    contentType: 'text/html; charset=UTF-8',
    body: '<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Error 503 (Service Unavailable)!!1</title><p><b>503.</b> <ins>That’s an error.</ins></p></html>',
  };
}

export function rpcError(code: number, status: string, message: string, details?: unknown[]): HttpReply {
  return json(code, { error: { code, message, status, ...(details ? { details } : {}) } });
}

/** A scripted/triggered failure on a `models/…` or `files/…` path. */
export function modelsPathError(kind: ErrorReply, opts: { message?: string; retryDelay?: string } = {}): HttpReply {
  if (kind === '503-html') return htmlUnavailable();
  const base = RPC[kind];
  const message = opts.message ?? base.message;
  if (kind === '429') {
    return rpcError(base.code, base.status, message, [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [
          {
            quotaMetric: 'generativelanguage.googleapis.com/generate_content_paid_tier_requests',
            quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
          },
        ],
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }],
      },
      // 'none': a 429 that names no delay (the client then backs off on its own)
      ...(opts.retryDelay === 'none' ? [] : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: opts.retryDelay ?? '17s' }]),
    ]);
  }
  return rpcError(base.code, base.status, message);
}

/** A scripted/triggered failure on an `interactions…` path. */
export function interactionsPathError(kind: ErrorReply, opts: { message?: string } = {}): HttpReply {
  if (kind === '503-html') return htmlUnavailable();
  return interactionError(Number(kind), INTERACTION_CODES[kind], opts.message ?? RPC[kind].message);
}

export function interactionError(status: number, code: string, message: string): HttpReply {
  return json(status, { error: { code, message } });
}

/** No key at all: Google answers 403 PERMISSION_DENIED. */
export function missingKey(): HttpReply {
  return modelsPathError('403');
}

/** A key that is not valid: Google answers 400 with ErrorInfo reason API_KEY_INVALID. */
export function invalidKey(): HttpReply {
  const message = 'API key not valid. Please pass a valid API key.';
  return rpcError(400, 'INVALID_ARGUMENT', message, [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message },
  ]);
}

export function notFound(message: string): HttpReply {
  return rpcError(404, 'NOT_FOUND', message);
}

export function okJson(body: unknown): HttpReply {
  return json(200, body);
}

export function isErrorReply(reply: string): reply is ErrorReply {
  return reply === '503-html' || Object.prototype.hasOwnProperty.call(RPC, reply);
}
