import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '@/utils/catalog';
import { computeSnapshot, probeSignals } from '@/utils/health/snapshot';
import { recordProbe, type ProbeLog } from '@/utils/probes/probe-log';
import type { ProbeResult } from '@/utils/probes/probe';

const NOW = Date.parse('2025-06-10T14:06:00.000Z');
const probed = PROVIDERS.flatMap((p) => p.products).filter((p) => p.probe);

const failed = (at: number): ProbeResult => ({
  at,
  outcome: 'failing',
  cause: 'network',
  latencyMs: null,
});
const answered = (at: number): ProbeResult => ({
  at,
  outcome: 'answered',
  cause: 'status',
  status: 401,
  latencyMs: 120,
});

/** Every probed product's log after two rounds, failing for the ids given. */
/** Two probes of each product, a minute apart; the failing ones fail as `failure` says. */
function twoRounds(failing: (id: string) => boolean, failure = failed): ProbeLog {
  let log: ProbeLog = {};
  for (const product of probed) {
    for (const at of [NOW - 120_000, NOW - 60_000]) {
      log = recordProbe(log, product.id, failing(product.id) ? failure(at) : answered(at));
    }
  }
  return log;
}

describe('probeSignals', () => {
  it('reports one service whose probe fails while the others answer', () => {
    const signals = probeSignals(
      PROVIDERS,
      twoRounds(
        (id) => id === 'deepseek',
        (at) => ({ at, outcome: 'failing', cause: 'status', status: 503, latencyMs: 80 }),
      ),
      NOW,
    );
    expect(signals.deepseek?.state).toBe('failing');
    expect(signals['le-chat']?.state).toBe('answering');
  });

  it('blames the connection, not a dozen providers, when nearly every probe fails at once', () => {
    const signals = probeSignals(
      PROVIDERS,
      twoRounds(() => true),
      NOW,
    );
    expect(Object.values(signals).every((signal) => signal.state === 'unknown')).toBe(true);
  });
});

describe('computeSnapshot', () => {
  it('gives every catalog product a verdict, and never "down" from nothing', () => {
    const { snapshot, transitions } = computeSnapshot(
      PROVIDERS,
      { reads: {}, probes: {}, fieldEvents: [], previous: [] },
      NOW,
    );
    expect(snapshot.services).toHaveLength(PROVIDERS.flatMap((p) => p.products).length);
    expect(snapshot.services.every((service) => service.state === 'unknown')).toBe(true);
    expect(transitions).toEqual([]);
  });

  it("opens an episode for ChatGPT from the user's failing requests alone", () => {
    const fieldEvents = [0, 1, 2].map((i) => ({
      at: NOW - 3_000 + i * 1_000,
      productId: 'chatgpt' as const,
      pathClass: 'conversation' as const,
      outcome: 'failed' as const,
      status: 503,
    }));
    const { snapshot, transitions } = computeSnapshot(
      PROVIDERS,
      { reads: {}, probes: {}, fieldEvents, previous: [] },
      NOW,
    );
    const chatgpt = snapshot.services.find((service) => service.id === 'chatgpt');
    expect(chatgpt).toMatchObject({ state: 'partial_outage', detection: { radarAt: NOW } });
    expect(transitions.map((t) => [t.kind, t.service.id])).toEqual([['trouble', 'chatgpt']]);
  });
});
