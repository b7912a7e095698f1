import { describe, expect, it } from 'vitest';
import { CADENCE, nextProbeDue } from '@/utils/cadence/cadence';
import type { ProbeResult } from '@/utils/probes/probe';
import {
  PROBE_STALE_MS,
  probeSignal,
  recordProbe,
  type ProbeLog,
  type ProbeSignal,
} from '@/utils/probes/probe-log';

const START = Date.parse('2025-06-10T14:00:00.000Z');
const MINUTE = 60_000;

/** Shorthand: a number is an answer in that many ms, 'x' a 503, 't' a timeout; one a minute. */
type Step = number | 'x' | 't';

function resultAt(step: Step, at: number): ProbeResult {
  if (step === 'x') return { at, outcome: 'failing', cause: 'status', status: 503, latencyMs: 90 };
  if (step === 't') return { at, outcome: 'failing', cause: 'timeout', latencyMs: null };
  return { at, outcome: 'answered', cause: 'status', status: 401, latencyMs: step };
}

function logOf(steps: Step[], target = 'openai-api'): ProbeLog {
  return steps.reduce<ProbeLog>(
    (log, step, i) => recordProbe(log, target, resultAt(step, START + i * MINUTE)),
    {},
  );
}

/** The signal one minute after the last step. */
function signalAfter(steps: Step[]): ProbeSignal {
  return probeSignal(logOf(steps)['openai-api'], START + steps.length * MINUTE);
}

const normal = [200, 210, 190, 205, 195, 200];

describe('probeSignal', () => {
  it.each<[string, Step[], Partial<ProbeSignal>]>([
    ['answering', normal, { state: 'answering', consecutiveFailures: 0, lastLatencyMs: 200 }],
    ['one blip is not an outage', [...normal, 'x'], { state: 'answering', consecutiveFailures: 1 }],
    ['one timeout is not either', [...normal, 't'], { state: 'answering', consecutiveFailures: 1 }],
    [
      'two failures in a row are',
      [...normal, 'x', 't'],
      { state: 'failing', consecutiveFailures: 2, since: START + 6 * MINUTE, lastLatencyMs: null },
    ],
    // Silence is weaker than a 5xx: a healthy API sometimes takes 19 s (tests/replay/fixtures).
    [
      'two timeouts are not yet',
      [...normal, 't', 't'],
      { state: 'answering', consecutiveFailures: 2 },
    ],
    [
      'three timeouts are',
      [...normal, 't', 't', 't'],
      { state: 'failing', consecutiveFailures: 3 },
    ],
    ['an answer ends the run', [...normal, 'x', 'x', 210], { state: 'answering', since: null }],
    [
      'failures apart are blips',
      [...normal, 'x', 200, 'x'],
      { state: 'answering', consecutiveFailures: 1 },
    ],
    // One slow answer is noise (a busy moment, the user's own network); two in a row are not.
    ['one spike is noise', [...normal, 4000], { state: 'answering', lastLatencyMs: 4000 }],
    [
      'two spikes in a row are slow',
      [...normal, 4000, 3900],
      { state: 'slow', lastLatencyMs: 3900, baselineMs: 200 },
    ],
    ['a spike after a failure is not', [...normal, 'x', 4000], { state: 'answering' }],
    ['a small rise is not', [...normal, 900], { state: 'answering' }],
    ['no spike without a baseline', [200, 210, 4000], { state: 'answering', baselineMs: null }],
    ['a first failure says nothing yet', ['x'], { state: 'unknown', consecutiveFailures: 1 }],
    ['failing from the start', ['x', 'x'], { state: 'failing', since: START }],
    [
      'nothing recorded',
      [],
      { state: 'unknown', consecutiveFailures: 0, lastAt: null, baselineMs: null },
    ],
  ])('%s', (_name, steps, expected) => {
    expect(signalAfter(steps)).toMatchObject(expected);
  });

  it('says nothing when the latest probe is stale', () => {
    const entry = logOf([...normal, 'x', 'x'])['openai-api'];
    const lastAt = START + 7 * MINUTE;
    expect(probeSignal(entry, lastAt + PROBE_STALE_MS)).toMatchObject({ state: 'failing' });
    expect(probeSignal(entry, lastAt + PROBE_STALE_MS + 1)).toMatchObject({
      state: 'unknown',
      lastAt,
    });
  });

  it('still speaks when the next calm probe is as late as its jitter allows', () => {
    const entry = logOf(normal)['openai-api'];
    const lastAt = entry!.results.at(-1)!.at;
    const latest = nextProbeDue(lastAt, { trouble: false }) + 60_000;
    const longest = lastAt + CADENCE.probeCalmMs * (1 + CADENCE.jitter);
    expect(latest).toBeLessThanOrEqual(longest + 60_000);
    expect(probeSignal(entry, longest + 60_000).state).toBe('answering');
  });

  it('reads an unknown target as unknown', () => {
    expect(probeSignal(undefined, START).state).toBe('unknown');
  });
});

describe('recordProbe', () => {
  it('keeps the last 10 results and the last 20 answered latencies per target', () => {
    const steps: Step[] = [...Array.from({ length: 25 }, (_, i) => 100 + i), 'x', 't'];
    const log = logOf(steps);
    const entry = log['openai-api'];
    expect(entry?.results).toHaveLength(10);
    expect(entry?.results.at(-1)?.cause).toBe('timeout');
    expect(entry?.latencies).toEqual(Array.from({ length: 20 }, (_, i) => 105 + i));
  });

  it('keeps targets apart and leaves the old log as it was', () => {
    const before = logOf([200]);
    const after = recordProbe(before, 'anthropic-api', resultAt('x', START));
    expect(Object.keys(after).sort()).toEqual(['anthropic-api', 'openai-api']);
    expect(after['anthropic-api']).toEqual({ results: [resultAt('x', START)], latencies: [] });
    expect(Object.keys(before)).toEqual(['openai-api']);
  });
});
