// A fake Gemini Developer API on 127.0.0.1 that speaks the wire protocol of
// @google/genai 2.32.0 (see docs/generation-and-jobs.md), with
// scriptable failures. Used by unit/integration tests (in-process), by the
// browser harness, and standalone through cli.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  invalidKey,
  interactionError,
  interactionsPathError,
  isErrorReply,
  missingKey,
  modelsPathError,
  notFound,
  okJson,
  rpcError,
  type HttpReply,
} from './errors.ts';
import { FileStore, publicDownloadUri, serveBlob, serveDownload } from './files.ts';
import { fixtureMp4 } from './fixtures.ts';
import { generateContentReply } from './generate-content.ts';
import { parseJson, parsePath, readBody, send, waitFor } from './http-util.ts';
import { Interactions } from './interactions.ts';
import { DEFAULT_MODEL_IDS, ModelRegistry } from './models.ts';
import { BLOB_PATTERN, isInteractionsEndpoint, matchRoute } from './routes.ts';
import { ScriptQueue, extractPrompt, resolveDirective } from './scenarios.ts';
import type {
  Directive,
  DownloadBehaviour,
  Endpoint,
  ErrorReply,
  FakeGeminiOptions,
  FakeModel,
  ImageSpec,
  LoggedRequest,
  ScriptStep,
} from './types.ts';
import { VideoJobs } from './videos.ts';

export type * from './types.ts';
export { DEFAULT_MODEL_IDS } from './models.ts';

export interface FakeGemini {
  /** `http://127.0.0.1:<port>` — pass as `httpOptions.baseUrl`. */
  readonly baseUrl: string;
  readonly port: number;
  /** The key requests must carry. */
  readonly apiKey: string;
  /** Every request received since start or the last `reset()`, in order (live array). */
  readonly requests: LoggedRequest[];
  /** Queue programmed replies; each answers the next matching request(s). */
  script(...steps: ScriptStep[]): void;
  /** Scripted steps not used yet. */
  pendingScript(): ScriptStep[];
  /** `requests` filtered by endpoint. */
  requestsTo(endpoint: Endpoint): LoggedRequest[];
  /**
   * Requests to `endpoint` answered 200: what Google would bill for a generation endpoint (a 429 or
   * any other error is a refusal it does not bill).
   */
  answeredOk(endpoint: Endpoint): number;
  /** Register a downloadable file (e.g. to test a downloader without a Veo job). */
  addFile(bytes?: Buffer, behaviour?: DownloadBehaviour): { id: string; uri: string };
  /** Veo operation names / interaction ids created since the last reset. */
  operationNames(): string[];
  interactionIds(): string[];
  /** Which models exist from now on (`models.list`, `models.get` and every generation path follow). */
  setKnownModels(models: Array<string | FakeModel>): void;
  /** The ids the server knows now. */
  knownModelIds(): string[];
  /** Cap `models.list` pages (to make the SDK's pager follow several pages). */
  setMaxListPageSize(size: number): void;
  /** Forget requests, scripts, operations, interactions and files. */
  reset(): void;
  /** Stop listening, cut open connections, cancel pending delays. */
  close(): Promise<void>;
}

const LOGGED_HEADERS = ['content-type', 'user-agent', 'accept'];
const DEFAULT_IMAGE: ImageSpec = { kind: 'pattern', width: 64, height: 64 };

function pickHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (LOGGED_HEADERS.includes(k) || k.startsWith('x-')) out[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export async function startFakeGemini(options: FakeGeminiOptions = {}): Promise<FakeGemini> {
  const apiKey = options.apiKey ?? 'test-key';
  const pendingPolls = options.pendingPolls ?? 2;
  const slowDelayMs = options.slowDelayMs ?? 30_000;
  const slowBodyDelayMs = options.slowBodyDelayMs ?? 1000;
  const defaultImage = options.image ?? DEFAULT_IMAGE;
  const defaultThoughts = options.thoughts ?? true;
  const videoBytes = () => options.videoBytes ?? fixtureMp4();
  const models = new ModelRegistry(options.knownModels ?? DEFAULT_MODEL_IDS);
  let maxListPageSize = options.maxListPageSize ?? Number.POSITIVE_INFINITY;
  const files = new FileStore();
  const videos = new VideoJobs(files, videoBytes);
  const interactions = new Interactions(files, videoBytes);
  const queue = new ScriptQueue();
  const requests: LoggedRequest[] = [];
  const closing = new AbortController();
  let seq = 0;

  function errorFor(endpoint: Endpoint, kind: ErrorReply, d: Directive): HttpReply {
    const opts = { ...(d.message !== undefined ? { message: d.message } : {}), ...(d.retryDelay !== undefined ? { retryDelay: d.retryDelay } : {}) };
    return isInteractionsEndpoint(endpoint) ? interactionsPathError(kind, opts) : modelsPathError(kind, opts);
  }

  function checkKey(req: IncomingMessage, url: URL, endpoint: Endpoint): HttpReply | undefined {
    const header = req.headers['x-goog-api-key'];
    const given = (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('key') ?? undefined;
    if (given === apiKey) return undefined;
    if (isInteractionsEndpoint(endpoint)) {
      return interactionError(401, 'authentication', given === undefined ? 'API key is missing.' : 'API key not valid. Please pass a valid API key.');
    }
    return given === undefined ? missingKey() : invalidKey();
  }

  function unsupported(model: string, method: string, version: string): HttpReply {
    return notFound(
      `models/${model} is not found for API version ${version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    // From the whole request in hand to the last byte of the answer written: the server's own time
    // (benchmarks subtract it to get the app's cost).
    const startedAt = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const { pathPrefix, apiVersion, rest } = parsePath(url.pathname);
    const method = req.method ?? 'GET';
    const route = matchRoute(method, rest);
    const blob = method === 'GET' ? BLOB_PATTERN.exec(url.pathname) : null;
    const endpoint = route?.endpoint ?? (blob ? 'blob' : 'unknown');
    const body = parseJson(raw);
    seq += 1;
    const entry: LoggedRequest = {
      seq,
      method,
      path: url.pathname,
      endpoint,
      ...(apiVersion !== undefined ? { apiVersion } : {}),
      pathPrefix,
      query: Object.fromEntries(url.searchParams),
      headers: pickHeaders(req),
      body,
      bodyBytes: raw.length,
      prompt: extractPrompt(endpoint, body),
    };
    requests.push(entry);
    res.on('close', () => {
      if (res.headersSent) entry.status = res.statusCode;
    });
    res.on('finish', () => {
      entry.serverMs = performance.now() - startedAt;
    });

    if (blob) {
      const file = files.get(blob[1]!);
      if (file) serveBlob(res, file);
      else send(res, notFound(`Blob ${blob[1]!} not found.`));
      return;
    }
    if (!route || apiVersion === undefined) {
      send(res, notFound(`fake-gemini: no route for ${method} ${url.pathname}`));
      return;
    }
    const keyError = checkKey(req, url, route.endpoint);
    if (keyError) {
      send(res, keyError);
      return;
    }
    const directive = resolveDirective(route.endpoint, entry.prompt, queue, slowDelayMs);
    if (!(await waitFor(directive.hang ? Number.POSITIVE_INFINITY : (directive.delayMs ?? 0), res, closing.signal))) return;
    if (isErrorReply(directive.reply)) {
      send(res, errorFor(route.endpoint, directive.reply, directive));
      return;
    }
    const [p0 = '', p1 = ''] = route.params;
    switch (route.endpoint) {
      case 'generateContent':
        if (!models.get(p0)) return send(res, unsupported(p0, 'generateContent', apiVersion));
        if (models.supports(p0, 'interactions')) return send(res, rpcError(400, 'INVALID_ARGUMENT', 'This model only supports Interactions API.'));
        if (!models.supports(p0, 'generateContent')) return send(res, unsupported(p0, 'generateContent', apiVersion));
        return send(res, generateContentReply({ model: p0, seq, directive, defaultImage, defaultThoughts, body }));
      case 'predictLongRunning':
        if (!models.supports(p0, 'predictLongRunning')) return send(res, unsupported(p0, 'predictLongRunning', apiVersion));
        return send(res, videos.submit(p0, directive, pendingPolls));
      case 'getOperation':
        return send(res, videos.poll(p0, p1));
      case 'download': {
        if (url.searchParams.get('alt') !== 'media') return send(res, rpcError(400, 'INVALID_ARGUMENT', 'Download requires alt=media.'));
        const file = files.get(p0);
        if (!file) return send(res, notFound(`File files/${p0} not found.`));
        const behaviour = directive.reply !== 'ok' ? (directive.reply as DownloadBehaviour) : file.behaviour;
        return serveDownload(res, file, {
          behaviour,
          redirectTo: `${pathPrefix}/fake-blob/${file.id}?sig=fake`,
          bodyDelayMs: directive.bodyDelayMs ?? slowBodyDelayMs,
          closing: closing.signal,
        });
      }
      case 'getModel': {
        const resource = models.resource(p0);
        return send(
          res,
          resource ? okJson(resource) : notFound(`models/${p0} is not found for API version ${apiVersion}, or is not supported for get.`),
        );
      }
      case 'listModels': {
        const page = models.page(url.searchParams.get('pageSize'), url.searchParams.get('pageToken'), maxListPageSize);
        return send(res, page ? okJson(page) : rpcError(400, 'INVALID_ARGUMENT', 'Invalid page token.'));
      }
      case 'createInteraction': {
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return send(res, interactionError(400, 'invalid_request', 'Request body must be a JSON object.'));
        const model = (body as Record<string, unknown>).model;
        if (typeof model !== 'string') return send(res, interactionError(400, 'invalid_request', 'model is required.'));
        if (!models.get(model)) return send(res, interactionError(404, 'model_not_found', `Model ${model} not found.`));
        if (!models.supports(model, 'interactions'))
          return send(
            res,
            interactionError(
              400,
              'invalid_request',
              `Model ${model} cannot produce video through the Interactions API (fake server: only Omni models are served here).`,
            ),
          );
        return send(res, interactions.create(body as Record<string, unknown>, model, directive, pendingPolls));
      }
      case 'getInteraction':
        return send(res, interactions.get(p0));
      case 'cancelInteraction':
        return send(res, interactions.cancel(p0));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A bug in the fake must be loud in the test that hit it, not a hang.
      send(res, rpcError(500, 'INTERNAL', `fake-gemini crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    apiKey,
    requests,
    script: (...steps) => steps.forEach((s) => queue.add(s)),
    pendingScript: () => queue.pending(),
    requestsTo: (endpoint) => requests.filter((r) => r.endpoint === endpoint),
    answeredOk: (endpoint) => requests.filter((r) => r.endpoint === endpoint && r.status === 200).length,
    addFile: (bytes, behaviour) => {
      const file = files.add(bytes ?? videoBytes(), behaviour ?? 'ok');
      return { id: file.id, uri: publicDownloadUri(file.id) };
    },
    operationNames: () => videos.names(),
    setKnownModels: (list) => models.replace(list),
    knownModelIds: () => models.ids(),
    setMaxListPageSize: (size) => {
      maxListPageSize = size;
    },
    interactionIds: () => interactions.ids(),
    reset: () => {
      requests.length = 0;
      queue.clear();
      videos.clear();
      interactions.clear();
      files.clear();
    },
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
