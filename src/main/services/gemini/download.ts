import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StudioError } from '../../../shared/contract/errors';
import { formatBytes } from '../../../shared/domain/sizes';
import { type CallDeadline, seconds, withDeadline } from './callBudget';
import { toStudioError } from './errors';

const GOOGLE_API = 'https://generativelanguage.googleapis.com';

export interface DownloadRequest {
  /** the URI Google returned for the file */
  uri: string;
  apiKey: string;
  /** the configured API base (the fake server in tests); Google's when omitted */
  baseUrl?: string;
  /** folder for the temporary file; the caller moves it into the media store */
  tempDir: string;
  signal: AbortSignal;
  /** the whole transfer's budget */
  timeoutMs: number;
  /** fails when no byte arrived for this long (a stalled transfer); the whole budget when omitted */
  stallMs?: number;
  maxBytes: number;
}

/**
 * Downloads a generated video to a temp file (docs/generation-and-jobs.md): `ai.files.download` crashes the
 * process on a mid-body error and never settles, so this is fetch + pipeline, which rejects cleanly.
 * A partial file is always removed. The API key is only sent to the API's own origin: a redirect
 * elsewhere (a storage host) is followed without it.
 */
export async function downloadToTempFile(request: DownloadRequest): Promise<{ file: string; bytes: number; mimeType: string }> {
  const url = resolveDownloadUrl(request.uri, request.baseUrl);

  const file = path.join(request.tempDir, `download-${randomUUID()}.part`);
  // Raced against our own deadlines (callBudget.ts): a transfer that stops moving ends even if the
  // stream never honours the abort.
  const limits = {
    timeoutMs: request.timeoutMs,
    onTimeout: () => new StudioError('TIMEOUT', `The video download did not finish within ${seconds(request.timeoutMs)}. Try again.`),
    ...(request.stallMs !== undefined
      ? {
          stallMs: request.stallMs,
          onStall: () => new StudioError('TIMEOUT', `The video download stalled: nothing arrived for ${seconds(request.stallMs!)}. Try again.`),
        }
      : {}),
  };
  try {
    return await withDeadline(request.signal, limits, (deadline) => transfer(url, file, request, deadline));
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

async function transfer(
  url: string,
  file: string,
  request: DownloadRequest,
  deadline: CallDeadline,
): Promise<{ file: string; bytes: number; mimeType: string }> {
  try {
    // inside the try: a read-only or full disk is named as such, not blamed on Google
    fs.mkdirSync(request.tempDir, { recursive: true });
    const response = await fetchFollowingRedirects(url, request.apiKey, deadline.signal);
    deadline.progress();
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new StudioError('PROVIDER_ERROR', `Downloading the video failed (${response.status}). Try again.`, { httpStatus: response.status });
    }
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > request.maxBytes) {
      // Refused before a byte is read; cancelling the body can itself fail ("terminated"), which
      // must not turn this into a network error
      await response.body.cancel().catch(() => undefined);
      throw tooLarge(request.maxBytes, declared);
    }
    let received = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        deadline.progress();
        if (received > request.maxBytes) callback(tooLarge(request.maxBytes));
        else callback(null, chunk);
      },
    });
    const out = fs.createWriteStream(file, { flags: 'wx' });
    await pipeline(Readable.fromWeb(response.body as never), limit, out, { signal: deadline.signal });
    // finished after the deadline had already ended the download: nobody will move this file
    if (deadline.signal.aborted) throw new StudioError('TIMEOUT', 'The video download finished too late.');
    const fd = fs.openSync(file, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    const mimeType = (response.headers.get('content-type') ?? 'video/mp4').split(';')[0]!.trim();
    return { file, bytes: received, mimeType };
  } catch (error) {
    // also when the race was already lost: whatever this transfer wrote is removed
    fs.rmSync(file, { force: true });
    if (error instanceof StudioError) throw error;
    throw toStudioError(error, { abortReason: deadline.signal.aborted ? 'timeout' : undefined, timeoutMs: request.timeoutMs });
  }
}

/** Characters of base64 decoded per step: a multiple of 4, so every step ends on a whole group. */
const BASE64_STEP_CHARS = 1024 * 1024;

/**
 * Writes a video Google delivered inline (base64 in the JSON answer) to a temp file, refusing it
 * before any decoding when it is over `maxBytes`. Decoded a few MB at a time straight into the file
 * with awaited writes, so a 200 MB result never exists as one more whole copy in memory and the
 * event loop keeps answering requests meanwhile. A partial file is always removed.
 */
export async function writeInlineToTempFile(request: {
  base64: string;
  tempDir: string;
  maxBytes: number;
  signal: AbortSignal;
}): Promise<{ file: string; bytes: number }> {
  const { base64, maxBytes } = request;
  const estimated = Math.floor(base64.length / 4) * 3;
  if (estimated > maxBytes + 2) throw tooLarge(maxBytes, estimated);
  const file = path.join(request.tempDir, `inline-${randomUUID()}.part`);
  let handle: fs.promises.FileHandle | undefined;
  let written = 0;
  try {
    fs.mkdirSync(request.tempDir, { recursive: true });
    handle = await fs.promises.open(file, 'wx');
    let carry = '';
    for (let start = 0; start < base64.length; start += BASE64_STEP_CHARS) {
      if (request.signal.aborted) throw request.signal.reason instanceof Error ? request.signal.reason : new StudioError('CANCELLED', 'Cancelled.');
      const last = start + BASE64_STEP_CHARS >= base64.length;
      let text = carry + base64.slice(start, start + BASE64_STEP_CHARS);
      let whole = last ? text.length : text.length - (text.length % 4);
      let bytes = Buffer.from(text.slice(0, whole), 'base64');
      // Node's decoder skips what is not base64 (line breaks): then this step came out short, and
      // is decoded again without them, so the next step still starts on a whole group
      if (last || bytes.length !== (whole / 4) * 3) {
        text = text.replace(/[^A-Za-z0-9+/=_-]/g, '');
        whole = last ? text.length : text.length - (text.length % 4);
        bytes = Buffer.from(text.slice(0, whole), 'base64');
      }
      carry = text.slice(whole);
      written += bytes.length;
      if (written > maxBytes) throw tooLarge(maxBytes);
      // a write on a nearly full disk may take only part of the buffer without an error
      for (let offset = 0; offset < bytes.length;) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        if (bytesWritten === 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        offset += bytesWritten;
      }
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    return { file, bytes: written };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    fs.rmSync(file, { force: true });
    throw toStudioError(error);
  }
}

/** The refusal of a video over the size cap, naming the cap (and the video's size when it is known). */
export function tooLarge(maxBytes: number, actualBytes?: number): StudioError {
  const size = actualBytes === undefined ? '' : ` (${formatBytes(actualBytes)})`;
  return new StudioError(
    'PROVIDER_ERROR',
    `The video Google made${size} is larger than the studio's limit of ${formatBytes(maxBytes)} per video, so it was not saved.`,
    {
      maxBytes,
      ...(actualBytes === undefined ? {} : { bytes: actualBytes }),
    },
  );
}

/**
 * Google's URIs name the file id (`…/files/<id>:download?alt=media`); like the SDK, the request goes
 * to the configured API base with that id (docs/generation-and-jobs.md), never to a host the response chose.
 */
export function resolveDownloadUrl(uri: string, baseUrl: string | undefined): string {
  const id = /files\/([a-z0-9]+)/.exec(uri)?.[1];
  if (!id) throw new StudioError('PROVIDER_ERROR', 'Google returned a video address the studio does not recognise.');
  const base = (baseUrl ?? GOOGLE_API).replace(/\/+$/, '');
  return `${base}/v1beta/files/${id}:download?alt=media`;
}

async function fetchFollowingRedirects(url: string, apiKey: string, signal: AbortSignal): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop < 5; hop++) {
    const sameOrigin = new URL(current).origin === origin;
    const response = await fetch(current, {
      headers: sameOrigin ? { 'x-goog-api-key': apiKey } : {},
      redirect: 'manual',
      signal,
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && next.origin !== origin)
        throw new StudioError('PROVIDER_ERROR', 'Google redirected the download to an insecure address.');
      current = next.toString();
      continue;
    }
    return response;
  }
  throw new StudioError('PROVIDER_ERROR', 'The video download was redirected too many times.');
}
