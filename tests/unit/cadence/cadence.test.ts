import { describe, expect, it } from 'vitest';
import {
  CADENCE,
  jittered,
  nextProbeDue,
  nextSourceDue,
  probeInterval,
  sourceInterval,
  staleAfter,
  lateness,
  LONGEST_CALM_MS,
} from '@/utils/cadence/cadence';
import type { SourceError } from '@/utils/sources/types';

const NOW = Date.parse('2025-06-10T14:00:00Z');
const http = (status: number, retryAfterMs?: number): SourceError => ({
  code: 'http',
  detail: `HTTP ${status}`,
  status,
  ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
});

describe('how often the radar looks', () => {
  it.each([
    [{ trouble: false }, CADENCE.calmMs],
    [{ trouble: false, watching: true }, CADENCE.watchingMs],
    [{ trouble: true }, CADENCE.troubleMs],
    [{ trouble: true, watching: true }, CADENCE.troubleMs],
  ])('reads a status page every so often when %o', (attention, interval) => {
    expect(sourceInterval(attention)).toBe(interval);
  });

  it.each([
    [{ trouble: false }, CADENCE.probeCalmMs],
    [{ trouble: false, watching: true }, CADENCE.watchingMs],
    [{ trouble: true }, CADENCE.troubleMs],
  ])('probes every so often when %o', (attention, interval) => {
    expect(probeInterval(attention)).toBe(interval);
    expect(nextProbeDue(NOW, attention)).toBe(NOW + jittered(interval, NOW));
  });

  it('keeps a million installs under 1,000 requests/s per host while all is well', () => {
    // Half a million running browsers (docs/SCALE.md), two requests a Statuspage read.
    expect((500_000 * 2) / (CADENCE.calmMs / 1000)).toBeLessThanOrEqual(1_000);
    expect(500_000 / (CADENCE.probeCalmMs / 1000)).toBeLessThanOrEqual(1_000);
    // Every one of them in trouble at once: under 5,000 on OpenAI's page and probes.
    expect(500_000 / (CADENCE.troubleMs / 1000)).toBeLessThanOrEqual(5_000);
  });

  it('is slower while all is well than while something is wrong', () => {
    expect(CADENCE.calmMs).toBeGreaterThan(CADENCE.watchingMs);
    expect(CADENCE.watchingMs).toBeGreaterThan(CADENCE.troubleMs);
  });
});

describe('installs that never read in step', () => {
  const reads = Array.from({ length: 2_000 }, (_, index) => NOW + index * 1_237);

  it('moves every interval by up to ±20 %, differently for each read', () => {
    const intervals = reads.map((at) => jittered(CADENCE.calmMs, at));
    expect(Math.min(...intervals)).toBeGreaterThanOrEqual(0.8 * CADENCE.calmMs);
    expect(Math.max(...intervals)).toBeLessThanOrEqual(1.2 * CADENCE.calmMs);
    // Spread over the whole band, not bunched: each fifth of it holds a fair share.
    for (let fifth = 0; fifth < 5; fifth++) {
      const low = (0.8 + fifth * 0.08) * CADENCE.calmMs;
      const inIt = intervals.filter((ms) => ms >= low && ms < low + 0.08 * CADENCE.calmMs);
      expect(inIt.length).toBeGreaterThan(reads.length / 5 / 1.5);
    }
    // The mean stays the interval: jitter spreads the load, it neither adds nor hides any.
    const mean = intervals.reduce((sum, ms) => sum + ms, 0) / intervals.length;
    expect(Math.abs(mean / CADENCE.calmMs - 1)).toBeLessThan(0.01);
  });

  it('draws the same interval again for the same read, so a due time can be told again', () => {
    for (const at of reads.slice(0, 20)) expect(jittered(60_000, at)).toBe(jittered(60_000, at));
  });

  it('applies to status pages and probes alike', () => {
    const pages = new Set(reads.map((at) => nextSourceDue(at, CADENCE.calmMs, null, 0) - at));
    const probes = new Set(reads.map((at) => nextProbeDue(at, { trouble: true }) - at));
    expect(pages.size).toBeGreaterThan(100);
    expect(probes.size).toBeGreaterThan(100);
  });

  it('lets a page miss one poll, late by the whole jitter, without going silent', () => {
    expect(staleAfter()).toBeGreaterThan(2 * 1.2 * CADENCE.calmMs);
    // An hourly page waits for a calm wake too (up to one longest calm interval) on each poll.
    const hourly = 60 * 60_000;
    expect(lateness(hourly)).toBe(LONGEST_CALM_MS);
    expect(lateness(CADENCE.calmMs)).toBe(0);
    expect(staleAfter(hourly)).toBeGreaterThan(2 * (1.2 * hourly + LONGEST_CALM_MS));
  });
});

describe('backing off a struggling status page', () => {
  it('keeps the normal pace after a success, a timeout or a bot challenge', () => {
    const normal = NOW + jittered(60_000, NOW);
    expect(nextSourceDue(NOW, 60_000, null, 0)).toBe(normal);
    const timeout: SourceError = { code: 'timeout', detail: 'no answer' };
    expect(nextSourceDue(NOW, 60_000, timeout, 3)).toBe(normal);
    expect(nextSourceDue(NOW, 60_000, http(404), 3)).toBe(normal);
  });

  it.each([429, 500, 503])('doubles the wait on each HTTP %i in a row, with jitter', (status) => {
    const waits = [1, 2, 3, 4].map((failures) =>
      [0, 0.5, 0.999].map(
        (random) => nextSourceDue(NOW, 60_000, http(status), failures, () => random) - NOW,
      ),
    );
    // Failure n waits between half and all of interval × 2^(n-1), never under the interval.
    waits.forEach((jittered, index) => {
      const full = 60_000 * 2 ** index;
      for (const wait of jittered) {
        expect(wait).toBeGreaterThanOrEqual(Math.max(60_000, full / 2));
        expect(wait).toBeLessThanOrEqual(full);
      }
    });
    // Different browsers draw different jitter: they do not come back in step.
    expect(new Set(waits[3]).size).toBe(3);
  });

  it('never waits more than the cap, however many failures', () => {
    const wait = nextSourceDue(NOW, CADENCE.calmMs, http(503), 50, () => 0.999) - NOW;
    expect(wait).toBeLessThanOrEqual(CADENCE.maxBackoffMs);
  });

  it('honours Retry-After when it asks for longer', () => {
    const wait = nextSourceDue(NOW, 60_000, http(429, 20 * 60_000), 1, () => 0) - NOW;
    expect(wait).toBe(20 * 60_000);
  });
});
