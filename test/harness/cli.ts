/**
 * npm run harness -- --port <n> --data <dir> [--gemini-base-url <url>] [--fake-gemini]
 *
 * Starts the browser harness (and, with --fake-gemini, the fake Gemini server with a placeholder
 * key) and prints HARNESS_URL=http://127.0.0.1:<n>/ once it serves. Other tools wait for that line.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      'gemini-base-url': { type: 'string' },
      'fake-gemini': { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.data) throw new Error('--data <dir> is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got ${values.port}`);

  let geminiBaseUrl = values['gemini-base-url'];
  let geminiApiKey: string | undefined;
  let closeFake: (() => Promise<void>) | undefined;
  if (values['fake-gemini']) {
    const { startFakeGemini } = await import('../fake-gemini/server');
    const fake = await startFakeGemini();
    geminiBaseUrl = fake.baseUrl;
    geminiApiKey = fake.apiKey;
    closeFake = () => fake.close();
    console.log(`FAKE_GEMINI_URL=${fake.baseUrl}`);
  }

  const testControls = process.env.STUDIO_HARNESS_TEST_CONTROLS === '1';
  const harness = await startHarness({
    port,
    dataDir: path.resolve(values.data),
    geminiBaseUrl,
    geminiApiKey,
    env: process.env,
    testControls,
    // e2e only, like the other test controls: pretend the computer has no (or no usable) keyring
    ...(testControls && isProtection(process.env.STUDIO_HARNESS_SECRET_PROTECTION)
      ? { secretProtection: process.env.STUDIO_HARNESS_SECRET_PROTECTION }
      : {}),
    // Google's videos take minutes, so the app polls every 10 s; the local stand-in answers at once
    ...(values['fake-gemini'] ? { jobTimings: { pollIntervalMs: 250 } } : {}),
  });
  console.log(`HARNESS_URL=${harness.url}`);

  const stop = async (): Promise<void> => {
    await harness.close();
    await closeFake?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function isProtection(value: string | undefined): value is 'os' | 'unprotected' | 'unavailable' {
  return value === 'os' || value === 'unprotected' || value === 'unavailable';
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
