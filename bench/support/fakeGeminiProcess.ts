/**
 * The fake Gemini server in its own process, so its work (encoding an 8 MB image as JSON) never
 * shows up as the app's event-loop blocking. The parent asks for the per-request server times.
 */
import { startFakeGemini } from '../../test/fake-gemini/server';

async function main(): Promise<void> {
  const fake = await startFakeGemini({ image: { kind: 'photographic', width: 2048, height: 2048 }, thoughts: false });
  process.on('message', (message) => {
    if (message === 'timings') process.send?.({ timings: fake.requests.map((r) => ({ endpoint: r.endpoint, serverMs: r.serverMs ?? null })) });
    if (message === 'stop') void fake.close().then(() => process.exit(0));
  });
  process.send?.({ baseUrl: fake.baseUrl, apiKey: fake.apiKey });
}

void main();
