/** How many answered latencies a target's baseline remembers: about 20 minutes of probes. */
const BASELINE_SAMPLES = 20;
/** Below this many samples the baseline is noise, and nothing is called a spike. */
const MIN_BASELINE_SAMPLES = 5;
/** A spike must be this many times the median... */
const SPIKE_FACTOR = 3;
/** ...and at least this much slower, so a 40 ms endpoint answering in 150 ms is not "slow". */
const SPIKE_MIN_EXTRA_MS = 1_500;

/** What "normal" looks like for one target, from its recent answered latencies. */
export interface LatencyBaseline {
  median: number;
  p90: number;
  count: number;
}

/** Appends a latency, keeping the newest `max` in the order they came. Pure. */
export function appendSample(
  samples: readonly number[],
  latencyMs: number,
  max = BASELINE_SAMPLES,
): number[] {
  return [...samples, latencyMs].slice(-max);
}

/**
 * The median and 90th percentile of `samples`, in whole ms (finer says nothing about a
 * network); null below MIN_BASELINE_SAMPLES. Pure.
 */
export function latencyBaseline(samples: readonly number[]): LatencyBaseline | null {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length < MIN_BASELINE_SAMPLES) return null;
  return { median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), count: sorted.length };
}

/**
 * True when `latencyMs` is far above the target's normal: over both 3 × median and
 * median + 1.5 s. The median, not the mean, so one earlier spike does not raise the bar.
 */
export function isLatencySpike(latencyMs: number, baseline: LatencyBaseline | null): boolean {
  if (!baseline || baseline.count < MIN_BASELINE_SAMPLES) return false;
  const threshold = Math.max(SPIKE_FACTOR * baseline.median, baseline.median + SPIKE_MIN_EXTRA_MS);
  return latencyMs > threshold;
}

/** Linear-interpolated quantile of an ascending, non-empty list. */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? 0;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? lower;
  return Math.round(lower + (upper - lower) * (position - below));
}
