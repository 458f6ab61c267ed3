// Standalone fake Gemini: `npx tsx test/fake-gemini/cli.ts --port 0`.
// Prints `FAKE_GEMINI_URL=http://127.0.0.1:<port>` on stdout once listening
// (parse that line; the port is random with --port 0). Ctrl-C / SIGTERM stops it.
import { parseArgs } from 'node:util';
import { startFakeGemini } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'api-key': { type: 'string', default: 'test-key' },
    'pending-polls': { type: 'string', default: '2' },
    'big-images': { type: 'boolean', default: false },
    'no-thoughts': { type: 'boolean', default: false },
    verbose: { type: 'boolean', short: 'v', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    [
      'usage: npx tsx test/fake-gemini/cli.ts [--port 0] [--api-key test-key] [--pending-polls 2]',
      '                                       [--big-images] [--no-thoughts] [--verbose]',
      'Prompt triggers such as [429] or [rai] select failures; see test/fake-gemini/README.md.',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

// No top-level await: tsx runs this file as CommonJS (package.json has no "type").
async function main(): Promise<void> {
  const fake = await startFakeGemini({
    port: Number(values.port),
    apiKey: values['api-key'],
    pendingPolls: Number(values['pending-polls']),
    thoughts: !values['no-thoughts'],
    ...(values['big-images'] ? { image: { kind: 'photographic', width: 2048, height: 2048 } } : {}),
  });
  process.stdout.write(`FAKE_GEMINI_URL=${fake.baseUrl}\n`);

  if (values.verbose) {
    // The request log is a plain array; poll it rather than adding an event API to the server.
    let shown = 0;
    setInterval(() => {
      for (; shown < fake.requests.length; shown++) {
        const r = fake.requests[shown]!;
        process.stderr.write(`${r.method} ${r.path} [${r.endpoint}] ${r.prompt ? JSON.stringify(r.prompt.slice(0, 80)) : ''}\n`);
      }
    }, 200).unref();
  }

  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
