import { CADENCE } from '../cadence/cadence';
import { appendSample, isLatencySpike, latencyBaseline } from './baseline';
import type { ProbeResult } from './probe';

/** Results kept per target: enough to see a run of failures, small enough for storage.local. */
const PROBE_RESULTS_KEPT = 10;
/**
 * A probe older than this says nothing about now (the worker or the network was asleep): a
 * calm probe's longest interval with its jitter (18 min), and two minutes for a late wake.
 * Shorter, a probe-only product would read "unknown" for the last minutes of every calm wait.
 */
export const PROBE_STALE_MS = CADENCE.probeCalmMs * (1 + CADENCE.jitter) + 2 * 60_000;
/** Failures in a row before a target counts as failing: one blip is not an outage. */
export const FAILURES_TO_FAIL = 2;
/**
 * Or, when none of them was an answer (a 5xx) but only silence (a timeout, no connection),
 * this many: a healthy API sometimes takes 19 s to answer (2 % of real samples of
 * api.openai.com, tests/replay/fixtures), and two such in a row raised a false "outage" in
 * the replayed healthy week. A server that says it fails is surer than one that says nothing.
 */
const SILENCES_TO_FAIL = 3;

/** What the worker remembers of one probe target between runs. */
export interface ProbeLogEntry {
  /** The newest PROBE_RESULTS_KEPT results, oldest first. */
  results: ProbeResult[];
  /** The newest answered latencies (ms), oldest first: the target's baseline. */
  latencies: number[];
}

/** Probe history by target id; stored whole in `storage.local` (see `probeLog`). */
export type ProbeLog = Record<string, ProbeLogEntry>;

/** What the probes say about one target now. */
export interface ProbeSignal {
  state: 'answering' | 'slow' | 'failing' | 'unknown';
  /** Failing results in a row, newest backwards. */
  consecutiveFailures: number;
  /** The latest result's time to headers; null when it failed. */
  lastLatencyMs: number | null;
  /** The median latency the latest result is judged against; null while too few samples. */
  baselineMs: number | null;
  /** When the current run of failures began; null when the latest result answered. */
  since: number | null;
  lastAt: number | null;
}

/** The log with `result` appended to the target's entry. Pure. */
export function recordProbe(log: ProbeLog, targetId: string, result: ProbeResult): ProbeLog {
  const entry = log[targetId] ?? { results: [], latencies: [] };
  const answeredIn = result.outcome === 'answered' ? result.latencyMs : null;
  return {
    ...log,
    [targetId]: {
      results: [...entry.results, result].slice(-PROBE_RESULTS_KEPT),
      latencies: answeredIn === null ? entry.latencies : appendSample(entry.latencies, answeredIn),
    },
  };
}

/** Reads one target's entry as a signal at time `now`. Pure. */
export function probeSignal(entry: ProbeLogEntry | undefined, now: number): ProbeSignal {
  const results = entry?.results ?? [];
  const latest = results.at(-1);
  if (!entry || !latest) {
    return {
      state: 'unknown',
      consecutiveFailures: 0,
      lastLatencyMs: null,
      baselineMs: null,
      since: null,
      lastAt: null,
    };
  }
  let run = 0;
  while (run < results.length && results[results.length - 1 - run]?.outcome === 'failing') run++;
  // The latest answered latency is already the last sample: judge it against those before it,
  // or a spike would raise its own bar.
  const latencies = latest.outcome === 'answered' ? entry.latencies.slice(0, -1) : entry.latencies;
  const baseline = latencyBaseline(latencies);
  const signal = {
    consecutiveFailures: run,
    lastLatencyMs: latest.latencyMs,
    baselineMs: baseline?.median ?? null,
    since: run > 0 ? (results[results.length - run]?.at ?? null) : null,
    lastAt: latest.at,
  };
  const failingRun = results.slice(results.length - run);
  const needed = failingRun.some((result) => result.cause === 'status')
    ? FAILURES_TO_FAIL
    : SILENCES_TO_FAIL;
  return { ...signal, state: stateOf(results, run, needed, latest, spikedTwice(entry), now) };
}

/**
 * Whether the last two results both answered with a latency spike, each judged against the
 * samples before it. One slow answer is noise (a busy moment, the user's own network): it
 * takes two in a row to call a service slow, as it takes two failures to call it failing.
 */
function spikedTwice(entry: ProbeLogEntry): boolean {
  const [previous, latest] = entry.results.slice(-2);
  if (previous?.outcome !== 'answered' || latest?.outcome !== 'answered') return false;
  const samples = entry.latencies;
  return (
    latest.latencyMs !== null &&
    previous.latencyMs !== null &&
    isLatencySpike(latest.latencyMs, latencyBaseline(samples.slice(0, -2))) &&
    isLatencySpike(previous.latencyMs, latencyBaseline(samples.slice(0, -2)))
  );
}

function stateOf(
  results: readonly ProbeResult[],
  run: number,
  needed: number,
  latest: ProbeResult,
  slow: boolean,
  now: number,
): ProbeSignal['state'] {
  if (now - latest.at > PROBE_STALE_MS) return 'unknown';
  if (run >= needed) return 'failing';
  if (latest.outcome === 'answered') return slow ? 'slow' : 'answering';
  // A single failure: the target answered just before, so call it a blip; with no earlier
  // answer there is nothing to say yet.
  return results.length > run ? 'answering' : 'unknown';
}
