import { galleryBenchmark } from './gallery.bench';

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

/** Each area adds its benchmark module here. */
export const benchmarks: Benchmark[] = [galleryBenchmark];

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
