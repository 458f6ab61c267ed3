// Which model ids exist. Model availability changed often in 2026, so the
// app treats ids as data and can probe them with `GET /{v}/models/{id}`; the
// fake lets each test decide which ids are "live".
import type { FakeModel } from './types.ts';

export const DEFAULT_MODEL_IDS: readonly string[] = [
  'gemini-3.1-flash-image',
  'gemini-3-pro-image',
  'gemini-3.1-flash-lite-image',
  'veo-3.1-generate-preview',
  'veo-3.1-fast-generate-preview',
  'veo-3.1-lite-generate-preview',
  'gemini-omni-1.1-flash',
];

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

  list(): Array<Record<string, unknown>> {
    return [...this.models.keys()].map((id) => this.resource(id)!);
  }
}
