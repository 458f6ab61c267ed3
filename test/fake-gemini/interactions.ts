// Gemini Omni video through the Interactions API (docs/generation-and-jobs.md):
// `POST /{v}/interactions` (snake_case body, `background: true`) starts a job,
// `GET /{v}/interactions/{id}` polls it, `POST …/{id}/cancel` stops it.
// Shapes follow the SDK 2.32.0 typings (`Interaction`, `Step`, `VideoContent`).
import { randomBytes } from 'node:crypto';
import { interactionError, okJson, type HttpReply } from './errors.ts';
import { publicDownloadUri, type FileStore, type StoredFile } from './files.ts';
import { isoNow } from './http-util.ts';
import type { Directive, DownloadBehaviour, InteractionOutcome } from './types.ts';

type Status = 'in_progress' | 'completed' | 'failed' | 'cancelled';

interface InteractionJob {
  id: string;
  model: string;
  input: unknown;
  previousId?: string;
  created: string;
  updated: string;
  status: Status;
  outcome: InteractionOutcome;
  pendingPolls: number;
  polls: number;
  pollNotFound: boolean;
  delivery: 'inline' | 'uri';
  download: DownloadBehaviour;
  message?: string;
  file?: StoredFile;
}

const OUTCOMES: readonly string[] = ['ok', 'uri', 'failed', 'refusal'];

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `response_format` may be one object or a list; find the video one. */
function videoFormat(body: Json): Json | undefined {
  const rf = body.response_format;
  const list: unknown[] = Array.isArray(rf) ? rf : [rf];
  return list.find((f): f is Json => isObject(f) && f.type === 'video');
}

/** The user's input as the content list of a `user_input` step (input may be a string, a content, contents, or steps). */
function userContent(input: unknown): unknown[] {
  if (typeof input === 'string') return [{ type: 'text', text: input }];
  if (Array.isArray(input)) {
    const steps = input.filter((s): s is Json => isObject(s) && s.type === 'user_input');
    if (steps.length > 0) return steps.flatMap((s) => (Array.isArray(s.content) ? s.content : []));
    return input;
  }
  return isObject(input) ? [input] : [];
}

export class Interactions {
  private readonly jobs = new Map<string, InteractionJob>();
  private counter = 0;
  private readonly files: FileStore;
  private readonly videoBytes: () => Buffer;

  constructor(files: FileStore, videoBytes: () => Buffer) {
    this.files = files;
    this.videoBytes = videoBytes;
  }

  /** Body already checked to be an object with a known `model`. */
  create(body: Json, model: string, directive: Directive, defaultPendingPolls: number): HttpReply {
    if (body.input === undefined) return interactionError(400, 'invalid_request', 'input is required.');
    const previousId = typeof body.previous_interaction_id === 'string' ? body.previous_interaction_id : undefined;
    if (previousId !== undefined && !this.jobs.has(previousId)) {
      return interactionError(404, 'not_found', `Interaction ${previousId} not found.`);
    }
    this.counter += 1;
    const id = `v1_fake${this.counter}${randomBytes(6).toString('hex')}`;
    const now = isoNow();
    const outcome = (OUTCOMES.includes(directive.reply) ? directive.reply : 'ok') as InteractionOutcome;
    const job: InteractionJob = {
      id,
      model,
      input: body.input,
      ...(previousId !== undefined ? { previousId } : {}),
      created: now,
      updated: now,
      status: 'in_progress',
      outcome,
      // Without `background: true` the real API answers when done; model that as "no pending polls".
      pendingPolls: body.background === true ? (directive.pendingPolls ?? defaultPendingPolls) : 0,
      polls: 0,
      pollNotFound: directive.pollNotFound ?? false,
      delivery: outcome === 'uri' || videoFormat(body)?.delivery === 'uri' ? 'uri' : 'inline',
      download: directive.download ?? 'ok',
      ...(directive.message !== undefined ? { message: directive.message } : {}),
    };
    this.jobs.set(id, job);
    if (job.pendingPolls === 0) this.finish(job);
    return okJson(this.view(job));
  }

  get(id: string): HttpReply {
    const job = this.jobs.get(id);
    if (!job || job.pollNotFound) return interactionError(404, 'not_found', `Interaction ${id} not found.`);
    if (job.status === 'in_progress') {
      job.polls += 1;
      if (job.polls > job.pendingPolls) this.finish(job);
    }
    return okJson(this.view(job));
  }

  cancel(id: string): HttpReply {
    const job = this.jobs.get(id);
    if (!job) return interactionError(404, 'not_found', `Interaction ${id} not found.`);
    if (job.status === 'in_progress') {
      job.status = 'cancelled';
      job.updated = isoNow();
    } else if (job.status !== 'cancelled') {
      return interactionError(400, 'failed_precondition', `Interaction ${id} is already ${job.status} and cannot be cancelled.`);
    }
    return okJson(this.view(job));
  }

  /** Ids created since the last reset. */
  ids(): string[] {
    return [...this.jobs.keys()];
  }

  clear(): void {
    this.jobs.clear();
  }

  private finish(job: InteractionJob): void {
    job.status = job.outcome === 'failed' ? 'failed' : 'completed';
    job.updated = isoNow();
    if (job.status === 'completed' && job.outcome !== 'refusal' && job.delivery === 'uri') {
      job.file ??= this.files.add(this.videoBytes(), job.download);
    }
  }

  private view(job: InteractionJob): Json {
    const base: Json = {
      id: job.id,
      object: 'interaction',
      model: job.model,
      status: job.status,
      created: job.created,
      updated: job.updated,
      ...(job.previousId !== undefined ? { previous_interaction_id: job.previousId } : {}),
    };
    if (job.status === 'in_progress') return base;
    const userStep = { type: 'user_input', content: userContent(job.input) };
    if (job.status === 'cancelled') return { ...base, steps: [userStep] };
    if (job.status === 'failed') {
      return {
        ...base,
        steps: [userStep],
        errors: [{ code: 'internal_error', message: job.message ?? 'Video generation failed due to an internal error. Please try again.' }],
      };
    }
    const thought = {
      type: 'thought',
      signature: Buffer.from(`thought-${job.id}`).toString('base64'),
      summary: [{ type: 'text', text: 'Planning shots: establishing shot, slow push-in, matching ambient audio.' }],
    };
    if (job.outcome === 'refusal') {
      return {
        ...base,
        steps: [
          userStep,
          thought,
          {
            type: 'model_output',
            content: [
              {
                type: 'text',
                text: job.message ?? "I can't create that video because it may violate our policies. Try describing a different scene.",
              },
            ],
          },
        ],
        usage: { total_input_tokens: 12, total_output_tokens: 24, total_tokens: 36 },
      };
    }
    const video = job.file
      ? { type: 'video', mime_type: 'video/mp4', uri: publicDownloadUri(job.file.id) }
      : { type: 'video', mime_type: 'video/mp4', data: this.videoBytes().toString('base64') };
    return {
      ...base,
      steps: [userStep, thought, { type: 'model_output', content: [video] }],
      usage: {
        total_input_tokens: 12,
        total_output_tokens: 5808,
        total_tokens: 5820,
        output_tokens_by_modality: [{ modality: 'video', tokens: 5808 }],
      },
    };
  }
}
