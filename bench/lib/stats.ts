/** Medians and spread for repeated measurements. */
export interface Spread {
  runs: number;
  median: number;
  min: number;
  max: number;
  p99: number;
}

export function spread(samples: number[], digits = 1): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const round = (value: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    runs: sorted.length,
    median: round(median),
    min: round(sorted[0] ?? 0),
    max: round(at(1)),
    p99: round(at(0.99)),
  };
}

export function formatSpread(s: Spread, unit = ""): string {
  return `${s.median}${unit} (${s.min}–${s.max})`;
}
