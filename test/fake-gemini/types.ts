// Public types of the fake Gemini server. Kept in one place so tests, the
// browser harness and the CLI share one vocabulary for "what should the next
// reply look like".

/** Every route the fake understands; used to target scripted replies and to tag the request log. */
export type Endpoint =
  | 'generateContent'
  | 'predictLongRunning'
  | 'getOperation'
  | 'download'
  | 'getModel'
  | 'listModels'
  | 'createInteraction'
  | 'getInteraction'
  | 'cancelInteraction';

/** HTTP-level failures; usable on every endpoint. */
export type ErrorReply = '400' | '403' | '404' | '429' | '500' | '503' | '503-html';

/** generateContent outcomes that are HTTP 200 but carry no usable image (or do). */
export type ImageOutcome = 'ok' | 'block' | 'image-safety' | 'text-only';

/** Veo outcomes: chosen at submit, visible when the operation is done. */
export type VideoOutcome = 'ok' | 'rai' | 'op-error' | 'inline-bytes';

/** How a file download behaves once its headers are out. */
export type DownloadBehaviour = 'ok' | 'redirect' | 'reset-body' | 'slow-body';

/** Interactions (Gemini Omni) outcomes: chosen at create, visible when the interaction completes. */
export type InteractionOutcome = 'ok' | 'uri' | 'failed' | 'refusal';

export type ImageKind = 'pattern' | 'photographic';

/** Which PNG generateContent returns. `pattern` is tiny and fast; `photographic` is several MB (benchmarks). */
export interface ImageSpec {
  kind: ImageKind;
  width: number;
  height: number;
  /**
   * A broken PNG, as a faulty answer would carry: `cut-off` ends halfway through the file, `bad-crc`
   * has one byte of image data changed (every chunk still in place).
   */
  damage?: 'cut-off' | 'bad-crc';
}

/** Fields every scripted step may carry. */
export interface StepCommon {
  /** How many upcoming matching requests this step answers (default 1; `Infinity` = until reset). */
  times?: number;
  /** Wait this long before sending anything (slow response; timeout and abort tests). */
  delayMs?: number;
  /** Never answer: the request stays open until the client goes away or the server closes (hung-call tests). */
  hang?: boolean;
  /** Override the error message (400/404/… replies, `op-error`, `failed`). */
  message?: string;
  /** `RetryInfo.retryDelay` of a 429 (default `'17s'`; `'none'` sends no RetryInfo). */
  retryDelay?: string;
}

export interface JobStepFields {
  /** Polls answered "still running" before the job is done (default: server option `pendingPolls`). */
  pendingPolls?: number;
  /** Behaviour of the download of the file this job produces. */
  download?: DownloadBehaviour;
  /** Every later poll of this job answers 404 (expired / unknown operation). */
  pollNotFound?: boolean;
}

/** One programmed reply. `reply` defaults to `'ok'`. */
export type ScriptStep =
  | (StepCommon & {
      on: 'generateContent';
      reply?: ErrorReply | ImageOutcome;
      image?: ImageSpec;
      /** Prepend thought parts (text + image, `thought: true`); default: server option `thoughts`. */
      thoughts?: boolean;
      /** Number of (non-thought) images in the answer (default 1). */
      imageCount?: number;
    })
  | (StepCommon & JobStepFields & { on: 'predictLongRunning'; reply?: ErrorReply | VideoOutcome })
  | (StepCommon & JobStepFields & { on: 'createInteraction'; reply?: ErrorReply | InteractionOutcome })
  | (StepCommon & {
      on: 'download';
      reply?: ErrorReply | DownloadBehaviour;
      /** For `slow-body`: pause between the two halves of the body (default: server option `slowBodyDelayMs`). */
      bodyDelayMs?: number;
    })
  | (StepCommon & { on: 'getOperation' | 'getModel' | 'listModels' | 'getInteraction' | 'cancelInteraction'; reply?: ErrorReply | 'ok' });

/** A step without its target, as resolved for one request (script merged over prompt triggers). */
export interface Directive extends StepCommon, JobStepFields {
  reply: string;
  image?: ImageSpec;
  thoughts?: boolean;
  imageCount?: number;
  bodyDelayMs?: number;
}

/** Metadata served by `GET /{v}/models/{id}`. */
export interface FakeModel {
  id: string;
  displayName?: string;
  /** e.g. `['generateContent']`, `['predictLongRunning']`, `['interactions']`. */
  supportedGenerationMethods?: string[];
}

export interface FakeGeminiOptions {
  /** Port to listen on (127.0.0.1 only). 0 = random (default). */
  port?: number;
  /** Expected `x-goog-api-key` (or `?key=`). Default `'test-key'`. */
  apiKey?: string;
  /** Model ids (or full metadata) the server knows. Default: see `DEFAULT_MODEL_IDS`. */
  knownModels?: Array<string | FakeModel>;
  /** Largest page `models.list` sends, whatever `pageSize` asks (default: Google's 1000). */
  maxListPageSize?: number;
  /** Polls answered "running" before a Veo operation / interaction is done. Default 2. */
  pendingPolls?: number;
  /** Default generateContent image. Default `{ kind: 'pattern', width: 64, height: 64 }`. */
  image?: ImageSpec;
  /** Prepend thought parts to generateContent answers. Default true. */
  thoughts?: boolean;
  /** Delay of the `[slow]` trigger. Default 30 000 ms (meant to outlast any test timeout). */
  slowDelayMs?: number;
  /** Pause in the middle of a `slow-body` download. Default 1000 ms. */
  slowBodyDelayMs?: number;
  /** Video bytes served for every generated video. Default: the committed MP4 fixture. */
  videoBytes?: Buffer;
}

/** One entry of `fake.requests`. */
export interface LoggedRequest {
  seq: number;
  method: string;
  /** Full path as received, without the query. */
  path: string;
  endpoint: Endpoint | 'blob' | 'unknown';
  /** `v1beta`, `v1`, `v1alpha`, … (undefined when the path had none). */
  apiVersion?: string;
  /** Anything in front of `/{version}/` (e.g. `/proxy`). */
  pathPrefix: string;
  query: Record<string, string>;
  /** Interesting headers only: api key, content type, user agent, client, timeout, and any other `x-*`. */
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when empty; the raw text when not JSON). */
  body: unknown;
  bodyBytes: number;
  /** Text found in the body (`text`, `prompt`, string `input`) — what triggers are read from. */
  prompt: string;
  /** HTTP status sent, once headers are out. */
  status?: number;
  /** Milliseconds from the request body received to the response fully written (once finished). */
  serverMs?: number;
}
