import { describe, expect, it } from 'vitest';
import {
  appendSample,
  isLatencySpike,
  latencyBaseline,
  type LatencyBaseline,
} from '@/utils/probes/baseline';

describe('latencyBaseline', () => {
  it.each([
    [[], null],
    [[100, 110, 120, 130], null],
    [[100, 110, 120, 130, 140], { median: 120, p90: 136, count: 5 }],
    [[300, 100, 200, 500, 400, 600], { median: 350, p90: 550, count: 6 }],
    // One earlier spike barely moves the median.
    [[200, 210, 9000, 190, 205], { median: 205, p90: 5484, count: 5 }],
  ])('%j → %j', (samples, expected) => {
    expect(latencyBaseline(samples)).toEqual(expected);
  });
});

describe('isLatencySpike', () => {
  const around = (median: number, count = 20): LatencyBaseline => ({ median, p90: median, count });
  it.each([
    ['no baseline yet', 10_000, null, false],
    ['too few samples', 10_000, around(200, 4), false],
    ['fast endpoint, under median + 1.5 s', 1_600, around(100), false],
    ['fast endpoint, over median + 1.5 s', 1_601, around(100), true],
    ['slow endpoint, under 3 × median', 2_400, around(800), false],
    ['slow endpoint, at 3 × median', 2_400, around(800), false],
    ['slow endpoint, over 3 × median', 2_401, around(800), true],
    ['normal latency', 210, around(200), false],
  ] as const)('%s', (_name, latency, baseline, spike) => {
    expect(isLatencySpike(latency, baseline)).toBe(spike);
  });
});

describe('appendSample', () => {
  it('keeps the newest samples in order, at most max', () => {
    expect(appendSample([1, 2, 3], 4)).toEqual([1, 2, 3, 4]);
    expect(appendSample([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    const full = Array.from({ length: 20 }, (_, i) => i);
    expect(appendSample(full, 99)).toEqual([...full.slice(1), 99]);
  });

  it('does not change the list it was given', () => {
    const samples = [1, 2];
    appendSample(samples, 3);
    expect(samples).toEqual([1, 2]);
  });
});
