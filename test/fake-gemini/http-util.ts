// Small HTTP helpers shared by the route handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HttpReply } from './errors.ts';

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function send(res: ServerResponse, reply: HttpReply): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

/**
 * Wait `ms`, but give up early when the server closes or the client goes
 * away. Returns false when the response can no longer be sent, so handlers
 * never write to a dead socket and `close()` never waits on a timer.
 */
export async function waitFor(ms: number, res: ServerResponse, closing: AbortSignal): Promise<boolean> {
  if (ms > 0) {
    const gone = new AbortController();
    const onClose = () => gone.abort();
    res.once('close', onClose);
    try {
      const signal = AbortSignal.any([closing, gone.signal]);
      if (ms === Number.POSITIVE_INFINITY) {
        // a hang: never answered; only the client going away or close() ends the wait
        await new Promise<never>((_resolve, reject) => {
          const gone = (): Error => (signal.reason instanceof Error ? signal.reason : new Error('the client went away'));
          if (signal.aborted) reject(gone());
          signal.addEventListener('abort', () => reject(gone()), { once: true });
        });
      }
      await sleep(ms, undefined, { signal });
    } catch {
      return false;
    } finally {
      res.off('close', onClose);
    }
  }
  return !res.destroyed && !closing.aborted;
}

export interface ParsedPath {
  pathPrefix: string;
  apiVersion?: string;
  /** The path after `/{version}/`, e.g. `models/x:generateContent`. */
  rest: string;
}

/**
 * Split `/proxy/v1beta/models/x:generateContent` into prefix, version and
 * rest. The first segment that looks like an API version wins, so any proxy
 * prefix in front of it is tolerated (the SDK allows one in `baseUrl`).
 */
export function parsePath(pathname: string): ParsedPath {
  const m = /^((?:\/[^/]+)*?)\/(v\d+(?:alpha|beta)?\d*)\/(.*)$/.exec(pathname);
  if (!m) return { pathPrefix: '', rest: pathname.replace(/^\/+/, '') };
  return { pathPrefix: m[1]!, apiVersion: m[2]!, rest: m[3]! };
}

/** ISO-8601 without milliseconds, the way the Interactions API prints times. */
export function isoNow(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
