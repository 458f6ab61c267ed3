// Deciding how to answer one request. Two sources, merged per request:
//   1. prompt triggers like `[429]` in the prompt text — handy from the UI /
//      browser harness, where a test can only type into the prompt box;
//   2. scripted steps queued with `fake.script({ on, reply, … })` — precise,
//      per endpoint, and able to target requests that carry no prompt
//      (polls, downloads, model look-ups).
// A scripted step wins field by field over the triggers of the same request.
import type { Directive, DownloadBehaviour, Endpoint, ErrorReply, ScriptStep } from './types.ts';

const ERROR_TRIGGERS: readonly ErrorReply[] = ['400', '403', '404', '429', '500', '503', '503-html'];
const DOWNLOAD_TRIGGERS: readonly DownloadBehaviour[] = ['redirect', 'reset-body', 'slow-body'];

/** Trigger names that set `reply`, per endpoint that reads prompts. */
const OUTCOME_TRIGGERS: Partial<Record<Endpoint, readonly string[]>> = {
  generateContent: ['block', 'image-safety', 'text-only'],
  predictLongRunning: ['rai', 'op-error', 'inline-bytes'],
  createInteraction: ['failed', 'refusal', 'uri'],
};

/** Photographic size used by the `[big-image]` trigger. */
export const BIG_IMAGE = { kind: 'photographic', width: 2048, height: 2048 } as const;

interface Trigger {
  name: string;
  arg?: number;
}

export function parseTriggers(prompt: string): Trigger[] {
  const found: Trigger[] = [];
  for (const m of prompt.matchAll(/\[([a-z0-9-]+)(?::(\d+))?\]/g)) {
    found.push(m[2] === undefined ? { name: m[1]! } : { name: m[1]!, arg: Number(m[2]) });
  }
  return found;
}

/** What the triggers in `prompt` ask of a request to `endpoint`. Unknown or foreign triggers are ignored. */
export function directiveFromTriggers(endpoint: Endpoint, prompt: string, slowDelayMs: number): Partial<Directive> {
  const d: Partial<Directive> = {};
  const isJob = endpoint === 'predictLongRunning' || endpoint === 'createInteraction';
  for (const { name, arg } of parseTriggers(prompt)) {
    if ((ERROR_TRIGGERS as readonly string[]).includes(name)) d.reply = name;
    else if (OUTCOME_TRIGGERS[endpoint]?.includes(name)) d.reply = name;
    else if (name === 'slow') d.delayMs = arg ?? slowDelayMs;
    else if (name === 'hang') d.hang = true;
    else if (endpoint === 'generateContent' && name === 'no-thoughts') d.thoughts = false;
    else if (endpoint === 'generateContent' && name === 'big-image') d.image = { ...BIG_IMAGE };
    else if (endpoint === 'generateContent' && name === 'images' && arg !== undefined) d.imageCount = arg;
    else if (isJob && name === 'polls' && arg !== undefined) d.pendingPolls = arg;
    else if (isJob && name === 'poll-404') d.pollNotFound = true;
    else if (isJob && (DOWNLOAD_TRIGGERS as readonly string[]).includes(name)) d.download = name as DownloadBehaviour;
  }
  return d;
}

function definedFields<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** FIFO of scripted steps; each step answers `times` matching requests. */
export class ScriptQueue {
  private steps: Array<{ step: ScriptStep; left: number }> = [];

  add(step: ScriptStep): void {
    const times = step.times ?? 1;
    if (!(times >= 1)) throw new Error(`script: times must be >= 1 (got ${String(step.times)})`);
    this.steps.push({ step, left: times });
  }

  /** The first queued step for `endpoint`, consumed by one use. */
  take(endpoint: Endpoint): ScriptStep | undefined {
    const i = this.steps.findIndex((s) => s.step.on === endpoint);
    if (i < 0) return undefined;
    const entry = this.steps[i]!;
    entry.left -= 1;
    if (entry.left <= 0) this.steps.splice(i, 1);
    return entry.step;
  }

  /** Steps not yet used up (lets a test assert its script was consumed). */
  pending(): ScriptStep[] {
    return this.steps.map((s) => s.step);
  }

  clear(): void {
    this.steps = [];
  }
}

/** Merge triggers and the next scripted step into the directive for one request. */
export function resolveDirective(endpoint: Endpoint, prompt: string, queue: ScriptQueue, slowDelayMs: number): Directive {
  const scripted = queue.take(endpoint);
  const fromScript: Partial<Directive> = {};
  if (scripted) {
    const { on: _on, times: _times, ...rest } = scripted;
    Object.assign(fromScript, definedFields(rest));
  }
  return { reply: 'ok', ...directiveFromTriggers(endpoint, prompt, slowDelayMs), ...fromScript };
}

/**
 * The prompt text of a request, for trigger matching and the log. Only the
 * latest user turn of a generateContent conversation counts, so a trigger in
 * an earlier turn of a multi-turn edit does not fire again.
 */
export function extractPrompt(endpoint: Endpoint | 'blob' | 'unknown', body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const b = body as Record<string, unknown>;
  if (endpoint === 'generateContent' && Array.isArray(b.contents)) {
    return collectText(b.contents[b.contents.length - 1]);
  }
  if (endpoint === 'createInteraction' && typeof b.input === 'string') return b.input;
  return collectText(body);
}

function collectText(node: unknown): string {
  const texts: string[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) {
      o.forEach(walk);
      return;
    }
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if ((k === 'text' || k === 'prompt' || k === 'input') && typeof v === 'string') texts.push(v);
      else walk(v);
    }
  };
  walk(node);
  return texts.join(' ');
}
