// What a benchmark returns (docs/architecture.md, Benchmarks): one figure per measured number.
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The comparison figure measured in the same run, for ratios. */
  baseline?: number;
  /** The lowest and highest of the runs whose median `value` is. */
  spread?: [number, number];
}

export type Benchmark = () => Promise<Figure[]>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A figure that is the median of several runs, with their spread, rounded to `digits`. */
export function medianFigure(
  name: string,
  values: readonly number[],
  unit: string,
  digits = 2,
): Figure {
  const round = (v: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return {
    name,
    value: round(median(values)),
    unit,
    spread: [round(Math.min(...values)), round(Math.max(...values))],
  };
}
