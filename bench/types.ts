// What a benchmark returns (docs/architecture.md, Benchmarks): one figure per measured number.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The comparison figure measured in the same run, for ratios. */
  baseline?: number;
}

export type Benchmark = () => Promise<Figure[]>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
