import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/contract/csp';
import type { Clock } from '../../src/main/clock';
import { type Core, type CoreOptions, createCore } from '../../src/main/core';
import { contentTypeOf, hasMalformedEscape } from '../../src/main/electron/protocolGuard';
import type { Logger } from '../../src/main/logger';
import { MemorySecretStore } from '../../src/main/services/settings/secretStore';
import { bridgeScript } from './bridgeScript';
import { OffsetClock } from './testClock';
import { MalformedBytesError, reviveBytes } from './wireBytes';
import { createSeedControls } from './seedControls';

export interface HarnessOptions {
  port: number;
  dataDir: string;
  geminiBaseUrl?: string;
  /** the placeholder key configured when a fake Gemini server stands in for Google */
  geminiApiKey?: string;
  /** the built renderer (`out/renderer`) */
  rendererDir?: string;
  clock?: Clock;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /**
   * Opt-in test controls for e2e specs (STUDIO_HARNESS_TEST_CONTROLS=1): a movable clock and
   * `POST /__test/clock/advance {ms}`, which also sweeps expired sessions. Never on by default.
   */
  testControls?: boolean;
  /** generation budgets and poll interval (a local fake server needs no 10-second polls) */
  jobTimings?: CoreOptions['jobTimings'];
  /**
   * What the stand-in secret store claims to offer: 'os' (default) like a desktop with a keychain,
   * 'unprotected' like Linux without a keyring, so specs can reach the consent path of Settings.
   */
  secretProtection?: 'os' | 'unprotected' | 'unavailable';
}

export interface Harness {
  url: string;
  core: Core;
  close(): Promise<void>;
}

/**
 * Serves the real renderer to a real browser on 127.0.0.1, backed by the same `createCore` the
 * Electron shell uses. Test tooling only: never packaged.
 */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(__dirname, '../../out/renderer'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`no built renderer at ${rendererDir}: run "npm run build" first`);
  }
  const env = { ...(options.env ?? {}) };
  if (options.geminiApiKey) env.GEMINI_API_KEY = options.geminiApiKey;
  const testClock = options.testControls ? new OffsetClock() : undefined;
  const core = await createCore({
    dataDir: options.dataDir,
    secretStore: new MemorySecretStore(options.secretProtection ?? 'os'),
    mediaUrlBase: '/media/',
    geminiBaseUrl: options.geminiBaseUrl,
    clock: testClock ?? options.clock,
    logger: options.logger,
    env,
    jobTimings: options.jobTimings,
    // e2e specs check the catalogue by hand; an automatic check would race them
    modelCheckSchedule: { atStart: false, everyMs: 0 },
  });

  const seedControls = options.testControls ? createSeedControls(core, (req) => readBody(req, 1024 * 1024)) : null;

  // Connection ids this harness issued; anything else is a forged transport identity.
  const connections = new Set<string>();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Loopback only, and only under our own host name: a page on another origin that rebinds a DNS
    // name to 127.0.0.1 must not reach the core.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port()}` && host !== `localhost:${port()}`) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) return serveIndex(res);
    if (req.method === 'GET' && url.pathname === '/__studio/bridge.js') return serveBridge(url, res);
    if (req.method === 'POST' && url.pathname === '/__studio/request') return serveRequest(req, res);
    if (req.method === 'GET' && url.pathname === '/__studio/events') return serveEvents(req, url, res);
    if (req.method === 'GET' && url.pathname.startsWith('/media/')) return serveMedia(req, url, res);
    if (req.method === 'GET' && url.pathname.startsWith('/assets/')) return serveAsset(url, res);
    if (url.pathname.startsWith('/__test/') && !isSameOriginJson(req, port())) {
      // Any page open in the same browser could otherwise POST here (a text/plain form needs no
      // preflight) and seed an admin or move the clock: JSON only, and never from another origin.
      res.writeHead(403, { 'content-type': 'text/plain' }).end('test controls accept same-origin JSON only');
      return;
    }
    if (testClock && req.method === 'POST' && url.pathname === '/__test/clock/advance') return advanceClock(testClock, req, res);
    if (seedControls && url.pathname.startsWith('/__test/')) return seedControls.handle(req, res, url);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }

  function serveIndex(res: http.ServerResponse): void {
    const connectionId = randomUUID();
    connections.add(connectionId);
    const html = fs
      .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
      .replace('<script', `<script src="/__studio/bridge.js?c=${connectionId}"></script>\n    <script`);
    res.writeHead(200, {
      'content-type': contentTypeOf('index.html'),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
      // Media elements cannot send headers; the cookie names this page's connection for /media/.
      'set-cookie': `studio_conn=${connectionId}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end(html);
  }

  function serveBridge(url: URL, res: http.ServerResponse): void {
    const connectionId = url.searchParams.get('c') ?? '';
    if (!connections.has(connectionId)) {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeOf('bridge.js'), 'cache-control': 'no-store' });
    res.end(bridgeScript(connectionId));
  }

  async function serveRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const connectionId = String(req.headers['x-studio-connection'] ?? '');
    if (!connections.has(connectionId)) {
      res.writeHead(403, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: 'Unknown connection' } }));
      return;
    }
    let body: { route?: unknown; input?: unknown };
    let problem = 'Malformed request: expected a JSON object { route, input }.';
    try {
      // bytes (an imported file) come back as a Uint8Array, as Electron's IPC would deliver them
      body = JSON.parse(await readBody(req, 64 * 1024 * 1024), reviveBytes) as typeof body;
    } catch (error) {
      if (error instanceof MalformedBytesError) problem = `Malformed request — ${error.message}.`;
      body = null as never;
    }
    // `null`, an array or a bare value is as malformed as broken JSON: the same envelope, never a 500
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: problem } }));
      return;
    }
    const envelope = await core.router.dispatch({ transportId: transportOf(connectionId) }, body.route, body.input);
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(envelope));
  }

  function serveEvents(req: http.IncomingMessage, url: URL, res: http.ServerResponse): void {
    const connectionId = url.searchParams.get('c') ?? '';
    if (!connections.has(connectionId)) {
      res.writeHead(403).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const transportId = transportOf(connectionId);
    const unsubscribe = core.events.connect(transportId, (event, payload) => {
      res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    // The page went away (closed or reloaded): like a destroyed webContents, its session ends.
    req.on('close', () => {
      unsubscribe();
      core.disconnect(transportId);
      connections.delete(connectionId);
    });
  }

  async function serveMedia(req: http.IncomingMessage, url: URL, res: http.ServerResponse): Promise<void> {
    if (hasMalformedEscape(url.pathname)) return void res.writeHead(400).end();
    const connectionId = cookie(req.headers.cookie, 'studio_conn') ?? '';
    const headers = new Headers();
    if (req.headers.range) headers.set('range', req.headers.range);
    const response = await core.serveMedia(transportOf(connectionId), new Request(url, { headers }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return void res.end();
    Readable.fromWeb(response.body as never).pipe(res);
  }

  async function advanceClock(clock: OffsetClock, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { ms } = JSON.parse(await readBody(req, 1024)) as { ms?: unknown };
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('ms must be a non-negative number');
      return;
    }
    clock.advance(ms);
    core.sweepSessions();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now: clock.now() }));
  }

  function serveAsset(url: URL, res: http.ServerResponse): void {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end(); // a malformed percent-escape names no file
      return;
    }
    const file = path.resolve(rendererDir, `.${pathname}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentTypeOf(file) });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  function port(): number {
    const address = server.address();
    return typeof address === 'object' && address ? address.port : options.port;
  }

  return {
    url: `http://127.0.0.1:${port()}/`,
    core,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.shutdown();
    },
  };
}

function transportOf(connectionId: string): string {
  return `page:${connectionId}`;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function isSameOriginJson(req: http.IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  const sameOrigin = origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
  return sameOrigin && (req.headers['content-type'] ?? '').startsWith('application/json');
}
