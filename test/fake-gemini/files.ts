// Generated files and `GET /{v}/files/{id}:download?alt=media`.
// Download failures happen *after* the headers (docs/generation-and-jobs.md): that is
// what breaks naive downloaders, so the fake can reset or stall mid-body.
import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { waitFor } from './http-util.ts';
import type { DownloadBehaviour } from './types.ts';

/** Host Google puts in video URIs. The SDK only needs the `https://` scheme and a lowercase id (§7). */
export const PUBLIC_FILE_HOST = 'https://generativelanguage.googleapis.com';

export interface StoredFile {
  id: string;
  bytes: Buffer;
  mimeType: string;
  behaviour: DownloadBehaviour;
}

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  /** Register bytes and return the file; the id is `[a-z0-9]+`, as the SDK's id parser requires. */
  add(bytes: Buffer, behaviour: DownloadBehaviour = 'ok', mimeType = 'video/mp4'): StoredFile {
    this.counter += 1;
    const id = `file${this.counter}${randomBytes(4).toString('hex')}`;
    const file: StoredFile = { id, bytes, mimeType, behaviour };
    this.files.set(id, file);
    return file;
  }

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  clear(): void {
    this.files.clear();
  }
}

export function publicDownloadUri(fileId: string): string {
  return `${PUBLIC_FILE_HOST}/v1beta/files/${fileId}:download?alt=media`;
}

export interface DownloadOptions {
  behaviour: DownloadBehaviour;
  /** Where a `redirect` points (a same-origin path). */
  redirectTo: string;
  bodyDelayMs: number;
  closing: AbortSignal;
}

function headers(file: StoredFile): Record<string, string | number> {
  return { 'content-type': file.mimeType, 'content-length': file.bytes.length, 'accept-ranges': 'none' };
}

/** Send `file` with the chosen behaviour. Resolves once the response is finished or abandoned. */
export async function serveDownload(res: ServerResponse, file: StoredFile, opts: DownloadOptions): Promise<void> {
  const half = Math.max(1, Math.floor(file.bytes.length / 2));
  switch (opts.behaviour) {
    case 'redirect':
      res.writeHead(302, { location: opts.redirectTo, 'content-length': 0 });
      res.end();
      return;
    case 'reset-body':
      // Full content-length promised, half delivered, then the socket dies:
      // the client sees a 200 whose body stream errors.
      res.writeHead(200, headers(file));
      res.write(file.bytes.subarray(0, half), () => res.socket?.destroy());
      return;
    case 'slow-body':
      res.writeHead(200, headers(file));
      res.write(file.bytes.subarray(0, half));
      if (await waitFor(opts.bodyDelayMs, res, opts.closing)) res.end(file.bytes.subarray(half));
      return;
    case 'ok':
      res.writeHead(200, headers(file));
      res.end(file.bytes);
      return;
  }
}

/** The redirect target: plays the role of Google's signed blob URL (no API key needed). */
export function serveBlob(res: ServerResponse, file: StoredFile): void {
  res.writeHead(200, headers(file));
  res.end(file.bytes);
}
