export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  digits?: number;
}

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult[]>;
}

/** Each area adds its benchmark module here (lazily, so a filtered run loads only what it runs). */
export const benchmarks: Benchmark[] = [
  { name: 'auth.login', run: async () => (await import('./login')).loginBenchmark.run() },
  { name: 'gallery', run: async () => (await import('./gallery.bench')).galleryBenchmark.run() },
  { name: 'image', run: async () => (await import('./image.bench')).imageBenchmark.run() },
  { name: 'renderer', run: async () => (await import('./renderer.bench')).rendererBenchmark.run() },
  { name: 'busy', run: async () => (await import('./busy.bench')).busyBenchmark.run() },
  { name: 'quota', run: async () => (await import('./quota.bench')).quotaBenchmark.run() },
  { name: 'generation-log', run: async () => (await import('./generationLog.bench')).generationLogBenchmark.run() },
  { name: 'users', run: async () => (await import('./users.bench')).usersBenchmark.run() },
  { name: 'diagnostics', run: async () => (await import('./diagnostics.bench')).diagnosticsBenchmark.run() },
  { name: 'schedule', run: async () => (await import('./schedule.bench')).scheduleBenchmark.run() },
];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
