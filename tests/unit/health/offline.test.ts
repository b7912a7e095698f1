import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROVIDERS } from '@/utils/catalog';
import type { SourceRead, SourceReads } from '@/utils/sources/reads';
import { blackout, offlineVerdict } from '@/utils/health/offline';
import { computeSnapshot, probeSignals } from '@/utils/health/snapshot';
import { recordProbe, type ProbeLog } from '@/utils/probes/probe-log';
import type { ProbeResult } from '@/utils/probes/probe';
import type { SourceErrorCode } from '@/utils/sources/types';

const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const MIN = 60_000;

const ok = (at: number): SourceRead => ({
  attemptedAt: at,
  report: { components: [], incidents: [] },
  okAt: at,
  error: null,
  failures: 0,
  nextDueAt: at + MIN,
  layout: null,
});
const failed = (
  at: number,
  code: SourceErrorCode = 'network',
  okAt = at - 10 * MIN,
): SourceRead => ({
  ...ok(okAt),
  attemptedAt: at,
  error: { code, detail: 'x', ...(code === 'http' ? { status: 503 } : {}) },
  failures: 1,
});
const probe = (at: number, cause: ProbeResult['cause']): ProbeResult =>
  cause === 'status'
    ? { at, outcome: 'answered', cause, status: 401, latencyMs: 90 }
    : { at, outcome: 'failing', cause, latencyMs: null };
const probes = (...results: [string, ProbeResult][]): ProbeLog =>
  results.reduce<ProbeLog>((log, [id, result]) => recordProbe(log, id, result), {});

describe('offlineVerdict', () => {
  it('is offline when every source and probe failed at the network level together', () => {
    const reads: SourceReads = {
      openai: failed(NOW - 30_000),
      anthropic: failed(NOW - 20_000, 'timeout'),
    };
    const log = probes(
      ['chatgpt', probe(NOW - 5 * MIN, 'status')],
      ['chatgpt', probe(NOW - 40_000, 'network')],
      ['claude', probe(NOW - 35_000, 'timeout')],
    );
    expect(offlineVerdict(reads, log, true, NOW)).toEqual({ since: NOW - 40_000 });
  });

  it('keeps "since" at the first failure from one check to the next', () => {
    const log = probes(
      ['chatgpt', probe(NOW - 2 * MIN, 'network')],
      ['chatgpt', probe(NOW - MIN, 'network')],
    );
    const reads = { openai: failed(NOW - MIN) };
    expect(offlineVerdict(reads, log, true, NOW)?.since).toBe(NOW - 2 * MIN);
  });

  it('is not offline when one source answered, even with an HTTP error', () => {
    const log = probes(['chatgpt', probe(NOW - MIN, 'network')]);
    expect(
      offlineVerdict({ openai: failed(NOW - MIN), x: ok(NOW - 30_000) }, log, true, NOW),
    ).toBeNull();
    // A 503 is a server answering: the connection works, the service does not.
    expect(
      offlineVerdict({ openai: failed(NOW - MIN), x: failed(NOW, 'http') }, log, true, NOW),
    ).toBeNull();
    expect(offlineVerdict({ openai: failed(NOW - MIN, 'not_json') }, log, true, NOW)).toBeNull();
  });

  it('is not offline when a probe got any HTTP status', () => {
    const log = probes(
      ['chatgpt', probe(NOW - MIN, 'network')],
      ['claude', probe(NOW - 30_000, 'status')],
    );
    expect(offlineVerdict({ openai: failed(NOW - MIN) }, log, true, NOW)).toBeNull();
  });

  it('is not offline when a failure predates something that answered since', () => {
    // The OpenAI page failed an hour ago and has not been read since; a probe answered after.
    const log = probes(
      ['chatgpt', probe(NOW - 30 * MIN, 'status')],
      ['chatgpt', probe(NOW - MIN, 'network')],
    );
    expect(offlineVerdict({ openai: failed(NOW - 60 * MIN) }, log, true, NOW)).toBeNull();
  });

  it('believes the browser when it says it is offline', () => {
    expect(offlineVerdict({ openai: ok(NOW - MIN) }, {}, false, NOW)).toEqual({ since: NOW });
    expect(offlineVerdict({}, {}, true, NOW)).toBeNull();
  });
});

describe('computeSnapshot offline', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says offline, and raises no notification, when everything failed at once', () => {
    const reads = Object.fromEntries(
      PROVIDERS.filter((p) => p.sources.length > 0).map((p) => [p.id, failed(NOW - 30_000)]),
    );
    let log: ProbeLog = {};
    for (const product of PROVIDERS.flatMap((p) => p.products).filter((p) => p.probe)) {
      for (const at of [NOW - 2 * MIN, NOW - MIN])
        log = recordProbe(log, product.id, probe(at, 'network'));
    }
    const { snapshot, transitions } = computeSnapshot(
      PROVIDERS,
      { reads, probes: log, fieldEvents: [], previous: [], online: true },
      NOW,
    );
    expect(snapshot.offline).toEqual({ since: NOW - 2 * MIN });
    expect(transitions).toEqual([]);
  });

  it('is online with ordinary readings', () => {
    const reads = { openai: ok(NOW - MIN) };
    const { snapshot } = computeSnapshot(
      PROVIDERS,
      { reads, probes: {}, fieldEvents: [], previous: [], online: true },
      NOW,
    );
    expect(snapshot.offline).toBeNull();
  });
});

describe('after the connection returns', () => {
  const probedIds = PROVIDERS.flatMap((p) => p.products)
    .filter((p) => p.probe)
    .map((p) => p.id);

  it('finds the stretch in which most targets failed and nothing answered', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let log: ProbeLog = {};
    for (const id of ids) log = recordProbe(log, id, probe(NOW - 10 * MIN, 'status'));
    for (const id of ids) log = recordProbe(log, id, probe(NOW - 5 * MIN, 'network'));
    log = recordProbe(log, 'a', probe(NOW - MIN, 'status'));
    expect(blackout(log, 4)).toEqual({ from: NOW - 5 * MIN, to: NOW - MIN });
    // One service failing alone is no blackout.
    let one: ProbeLog = {};
    for (const id of ids) one = recordProbe(one, id, probe(NOW - 2 * MIN, 'status'));
    one = recordProbe(one, 'a', probe(NOW - MIN, 'network'));
    expect(blackout(one, 4)).toBeNull();
  });

  it('does not call a service down for a probe that failed while the user was offline', () => {
    let log: ProbeLog = {};
    // Offline for two rounds: every probe failed at the network level.
    for (const at of [NOW - 3 * MIN, NOW - 2 * MIN]) {
      for (const id of probedIds) log = recordProbe(log, id, probe(at, 'network'));
    }
    // Back: the first half answered; the rest have not run yet.
    for (const id of probedIds.slice(0, probedIds.length / 2)) {
      log = recordProbe(log, id, probe(NOW - 10_000, 'status'));
    }
    const signals = probeSignals(PROVIDERS, log, NOW);
    expect(Object.values(signals).filter((s) => s.state === 'failing')).toEqual([]);
    // A probe failing again after the connection came back is heard.
    log = recordProbe(log, probedIds.at(-1)!, probe(NOW - 5_000, 'network'));
    expect(probeSignals(PROVIDERS, log, NOW)[probedIds.at(-1)!]?.state).toBe('failing');
  });
});
