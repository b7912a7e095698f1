import { describe, expect, it } from 'vitest';
import type { Transition } from '@/utils/health/episodes';
import { FLAP_WINDOW_MS, paceNotifications, type NotificationLog } from '@/utils/notify-pace';
import { serviceHealth } from '../helpers/health';

const T0 = Date.parse('2026-09-29T18:00:00Z');
const down = serviceHealth({ state: 'major_outage' });
const up = serviceHealth({ state: 'operational' });
const trouble: Transition = { kind: 'trouble', service: down };
const recovered: Transition = { kind: 'recovered', service: up };

/** Runs a page's flips through the pacing, a check each `stepMs`; returns what was raised. */
function run(flips: ('trouble' | 'recovered')[], stepMs: number) {
  let log: NotificationLog = {};
  const raised: string[] = [];
  flips.forEach((kind, index) => {
    const now = T0 + index * stepMs;
    const transition = kind === 'trouble' ? trouble : recovered;
    const paced = paceNotifications([transition], [transition.service], log, now);
    log = paced.log;
    raised.push(...paced.transitions.map((t) => t.kind));
  });
  return { raised, log };
}

describe('notifications for a flapping page', () => {
  it('raise at most one "problems" and one "back to normal" for 10 flips in 5 minutes', () => {
    const flips = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 'trouble' : 'recovered'));
    expect(run(flips as ('trouble' | 'recovered')[], 30_000).raised).toEqual([
      'trouble',
      'recovered',
    ]);
  });

  it('announce a held-back trouble once the window has passed, if it is still there', () => {
    const { log } = run(['trouble', 'recovered', 'trouble'], 60_000);
    const early = paceNotifications([], [down], log, T0 + 10 * 60_000);
    expect(early.transitions).toEqual([]);
    const late = paceNotifications([], [down], early.log, T0 + FLAP_WINDOW_MS);
    expect(late.transitions).toEqual([{ kind: 'trouble', service: down }]);
    // ...and its recovery is then news again.
    const after = paceNotifications([recovered], [up], late.log, T0 + FLAP_WINDOW_MS + 60_000);
    expect(after.transitions.map((t) => t.kind)).toEqual(['recovered']);
  });

  it('announce each outage of a calm service, and forget services quiet for a window', () => {
    expect(run(['trouble', 'recovered', 'trouble'], FLAP_WINDOW_MS).raised).toEqual([
      'trouble',
      'recovered',
      'trouble',
    ]);
    const { log } = run(['trouble', 'recovered'], 60_000);
    expect(paceNotifications([], [up], log, T0 + 2 * FLAP_WINDOW_MS).log).toEqual({});
  });

  it('pace each service on its own', () => {
    const sora = serviceHealth({ id: 'sora', name: 'Sora', state: 'major_outage' });
    const first = paceNotifications([trouble], [down], {}, T0);
    const second = paceNotifications(
      [{ kind: 'trouble', service: sora }],
      [down, sora],
      first.log,
      T0 + 60_000,
    );
    expect(second.transitions.map((t) => t.service.id)).toEqual(['sora']);
  });

  it('keep a clock set back from silencing a service for good', () => {
    const { log } = run(['trouble', 'recovered'], 60_000);
    // The clock now reads a day earlier: the last notification is "in the future".
    const paced = paceNotifications([trouble], [down], log, T0 - 24 * 60 * 60_000);
    expect(paced.transitions).toEqual([trouble]);
  });
});
