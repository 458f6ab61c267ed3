// Which model ids exist. Model availability changed often in 2026, so the
// app treats ids as data and can probe them with `GET /{v}/models/{id}`; the
// fake lets each test decide which ids are "live".
import type { FakeModel } from './types.ts';

export const DEFAULT_MODEL_IDS: readonly string[] = [
  'gemini-nano-banana-2.1',
  'gemini-3.1-flash-image',
  'gemini-3-pro-image',
  'gemini-3.1-flash-lite-image',
  'veo-3.1-generate-preview',
  'veo-3.1-fast-generate-preview',
  'veo-3.1-lite-generate-preview',
  'gemini-omni-1.1-flash',
  'gemini-omni-1.2-flash',
];

/** Google's default and largest `pageSize` for `models.list`. */
export const LIST_DEFAULT_PAGE_SIZE = 50;
export const LIST_MAX_PAGE_SIZE = 1000;

/** Which API a model is served through. Omni's method name is a guess: only existence matters to the app. */
function inferMethods(id: string): string[] {
  if (id.startsWith('veo-')) return ['predictLongRunning'];
  if (id.startsWith('gemini-omni')) return ['interactions'];
  return ['generateContent', 'countTokens', 'batchGenerateContent'];
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((w) => (w.length > 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export class ModelRegistry {
  private readonly models = new Map<string, Required<FakeModel>>();

  constructor(list: ReadonlyArray<string | FakeModel>) {
    this.replace(list);
  }

  /** Which models exist from now on (a test retires or revives an id while the app runs). */
  replace(list: ReadonlyArray<string | FakeModel>): void {
    this.models.clear();
    for (const entry of list) {
      const m = typeof entry === 'string' ? { id: entry } : entry;
      this.models.set(m.id, {
        id: m.id,
        displayName: m.displayName ?? titleCase(m.id),
        supportedGenerationMethods: m.supportedGenerationMethods ?? inferMethods(m.id),
      });
    }
  }

  get(id: string): Required<FakeModel> | undefined {
    return this.models.get(id.replace(/^models\//, ''));
  }

  supports(id: string, method: string): boolean {
    return this.get(id)?.supportedGenerationMethods.includes(method) ?? false;
  }

  /** The resource `GET /{v}/models/{id}` returns (google.ai.generativelanguage Model). */
  resource(id: string): Record<string, unknown> | undefined {
    const m = this.get(id);
    if (!m) return undefined;
    const video = !m.supportedGenerationMethods.includes('generateContent');
    return {
      name: `models/${m.id}`,
      version: '001',
      displayName: m.displayName,
      description: `Fake ${m.displayName} served by the test server.`,
      inputTokenLimit: video ? 1024 : 65536,
      outputTokenLimit: video ? 1 : 32768,
      supportedGenerationMethods: m.supportedGenerationMethods,
      ...(video ? {} : { temperature: 1, topP: 0.95, topK: 64, maxTemperature: 2, thinking: true }),
    };
  }

  ids(): string[] {
    return [...this.models.keys()];
  }

  /**
   * One page of `GET /{v}/models`, as Google pages it: `pageSize` (default 50, at most 1000, and
   * at most `maxPageSize` when a test wants many pages), an opaque `pageToken`, and
   * `nextPageToken` only while more models follow. `undefined` for a token we never issued.
   */
  page(pageSize: string | null, pageToken: string | null, maxPageSize = LIST_MAX_PAGE_SIZE): Record<string, unknown> | undefined {
    const asked = pageSize === null ? LIST_DEFAULT_PAGE_SIZE : Number.parseInt(pageSize, 10);
    const size = Math.max(1, Math.min(Number.isFinite(asked) && asked > 0 ? asked : LIST_DEFAULT_PAGE_SIZE, LIST_MAX_PAGE_SIZE, maxPageSize));
    let offset = 0;
    if (pageToken) {
      const match = /^offset:(\d+)$/.exec(Buffer.from(pageToken, 'base64url').toString('utf8'));
      if (!match) return undefined;
      offset = Number(match[1]);
    }
    const ids = this.ids();
    const models = ids.slice(offset, offset + size).map((id) => this.resource(id)!);
    const next = offset + size < ids.length ? Buffer.from(`offset:${offset + size}`).toString('base64url') : undefined;
    return { models, ...(next ? { nextPageToken: next } : {}) };
  }
}
