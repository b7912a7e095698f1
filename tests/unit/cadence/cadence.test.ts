import { describe, expect, it } from 'vitest';
import { CADENCE, nextProbeDue, nextSourceDue, sourceInterval } from '@/utils/cadence/cadence';
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
    expect(nextProbeDue(NOW, attention)).toBe(NOW + interval);
  });

  it('is slower while all is well than while something is wrong', () => {
    expect(CADENCE.calmMs).toBeGreaterThan(CADENCE.watchingMs);
    expect(CADENCE.watchingMs).toBeGreaterThan(CADENCE.troubleMs);
  });
});

describe('backing off a struggling status page', () => {
  it('keeps the normal pace after a success, a timeout or a bot challenge', () => {
    expect(nextSourceDue(NOW, 60_000, null, 0)).toBe(NOW + 60_000);
    const timeout: SourceError = { code: 'timeout', detail: 'no answer' };
    expect(nextSourceDue(NOW, 60_000, timeout, 3)).toBe(NOW + 60_000);
    expect(nextSourceDue(NOW, 60_000, http(404), 3)).toBe(NOW + 60_000);
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
