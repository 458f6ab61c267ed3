/**
 * npm run bench [-- <name-filter>]: runs every benchmark and prints `BENCH <name> <value> <unit>`
 * lines. Benchmarks measure; they never assert (timings on a shared 2-core machine are noisy).
 */
import { benchmarks } from './registry';

async function main(): Promise<void> {
  const filter = process.argv[2];
  for (const bench of benchmarks) {
    if (filter && !bench.name.includes(filter)) continue;
    const results = await bench.run();
    for (const r of results) console.log(`BENCH ${r.name} ${r.value.toFixed(r.digits ?? 1)} ${r.unit}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
