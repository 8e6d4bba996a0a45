// Percentiles and rounding for the results.
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted samples. */
function at(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

export const round = (v: number, digits = 1): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function latencyOf(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(at(sorted, 0.5), 2),
    p95: round(at(sorted, 0.95), 2),
    p99: round(at(sorted, 0.99), 2),
    max: round(sorted[sorted.length - 1] ?? Number.NaN, 2),
  };
}

export function median(samples: number[]): number {
  return at(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
}
