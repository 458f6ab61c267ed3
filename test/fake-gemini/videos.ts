// Veo: `:predictLongRunning` starts an operation, `GET …/operations/{id}`
// polls it (docs/generation-and-jobs.md). The outcome is fixed at submit time and shows
// up when the operation reports `done`, as with the real service.
import { randomBytes } from 'node:crypto';
import { notFound, okJson, type HttpReply } from './errors.ts';
import { publicDownloadUri, type FileStore, type StoredFile } from './files.ts';
import type { Directive, DownloadBehaviour, VideoOutcome } from './types.ts';

interface VideoJob {
  id: string;
  model: string;
  name: string;
  outcome: VideoOutcome;
  pendingPolls: number;
  polls: number;
  pollNotFound: boolean;
  download: DownloadBehaviour;
  message?: string;
  /** Created on the first `done` poll, then reused so every later poll names the same file. */
  file?: StoredFile;
}

const OUTCOMES: readonly string[] = ['ok', 'rai', 'op-error', 'inline-bytes'];

export class VideoJobs {
  private readonly jobs = new Map<string, VideoJob>();
  private counter = 0;
  private readonly files: FileStore;
  private readonly videoBytes: () => Buffer;

  constructor(files: FileStore, videoBytes: () => Buffer) {
    this.files = files;
    this.videoBytes = videoBytes;
  }

  submit(model: string, directive: Directive, defaultPendingPolls: number): HttpReply {
    this.counter += 1;
    // Lowercase alphanumerics only: operation names end up in URL paths.
    const id = `op${this.counter}${randomBytes(5).toString('hex')}`;
    const name = `models/${model}/operations/${id}`;
    this.jobs.set(id, {
      id,
      model,
      name,
      outcome: (OUTCOMES.includes(directive.reply) ? directive.reply : 'ok') as VideoOutcome,
      pendingPolls: directive.pendingPolls ?? defaultPendingPolls,
      polls: 0,
      pollNotFound: directive.pollNotFound ?? false,
      download: directive.download ?? 'ok',
      ...(directive.message !== undefined ? { message: directive.message } : {}),
    });
    return okJson({ name });
  }

  /** Names of operations created since the last reset (for tests that resume polling). */
  names(): string[] {
    return [...this.jobs.values()].map((j) => j.name);
  }

  poll(model: string, id: string): HttpReply {
    const job = this.jobs.get(id);
    if (!job || job.model !== model || job.pollNotFound) {
      return notFound(`Operation models/${model}/operations/${id} not found.`);
    }
    job.polls += 1;
    // The real API omits `done` entirely while running.
    if (job.polls <= job.pendingPolls) return okJson({ name: job.name });
    return okJson({ name: job.name, done: true, ...this.result(job) });
  }

  private result(job: VideoJob): Record<string, unknown> {
    const type = 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse';
    switch (job.outcome) {
      case 'op-error':
        return { error: { code: 13, message: job.message ?? 'Video generation failed due to an internal error. Please try again.' } };
      case 'rai':
        return {
          response: {
            '@type': type,
            generateVideoResponse: {
              raiMediaFilteredCount: 1,
              raiMediaFilteredReasons: [
                job.message ?? 'We encountered an issue with the audio for your prompt. You have not been charged. Please try a different prompt.',
              ],
            },
          },
        };
      case 'inline-bytes':
        return {
          response: {
            '@type': type,
            generateVideoResponse: { generatedSamples: [{ video: { encodedVideo: this.videoBytes().toString('base64'), encoding: 'video/mp4' } }] },
          },
        };
      case 'ok':
        job.file ??= this.files.add(this.videoBytes(), job.download);
        return {
          response: {
            '@type': type,
            generateVideoResponse: { generatedSamples: [{ video: { uri: publicDownloadUri(job.file.id) } }] },
          },
        };
    }
  }

  clear(): void {
    this.jobs.clear();
  }
}
