import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleEpisodes, type Transition } from '@/utils/health/episodes';
import type { ComponentState } from '@/utils/core/states';
import type { ServiceHealth } from '@/utils/health/types';
import {
  FLAP_WINDOW_MS,
  paceNotifications,
  STEP_WINDOW_MS,
  type NotificationLog,
  type NoticePolicy,
} from '@/utils/notify/pace';
import { serviceHealth } from '../../helpers/health';

const T0 = Date.parse('2026-09-29T18:00:00Z');
const MIN = 60_000;
const down = serviceHealth({ state: 'major_outage', troubleSince: T0 });
const up = serviceHealth({ state: 'operational' });
const trouble: Transition = { kind: 'trouble', service: down, since: T0 };
const recovered: Transition = { kind: 'recovered', service: up, since: T0 };

/** Runs a page's flips through the pacing, a check each `stepMs`; returns what was raised. */
function run(flips: ('trouble' | 'recovered')[], stepMs: number) {
  let log: NotificationLog = {};
  const raised: string[] = [];
  flips.forEach((kind, index) => {
    const now = T0 + index * stepMs;
    const transition = kind === 'trouble' ? trouble : recovered;
    const paced = paceNotifications([transition], [transition.service], log, now);
    log = paced.log;
    raised.push(...paced.notices.map((t) => t.kind));
  });
  return { raised, log };
}

/**
 * The real pipeline for one service: verdicts through settleEpisodes, then the pacing, a
 * check a minute. Returns what was told, as "minute:kind".
 */
function told(
  states: readonly ComponentState[],
  policyAt: (minute: number) => NoticePolicy = () => ({ quiet: false, muted: new Set() }),
): string[] {
  let previous: ServiceHealth[] = [];
  let log: NotificationLog = {};
  const out: string[] = [];
  states.forEach((state, minute) => {
    const now = T0 + minute * MIN;
    const { services, transitions } = settleEpisodes(previous, [serviceHealth({ state })], now);
    const paced = paceNotifications(transitions, services, log, now, policyAt(minute));
    out.push(...paced.notices.map((n) => `${minute}:${n.kind}${n.late ? ' (late)' : ''}`));
    previous = services;
    log = paced.log;
  });
  return out;
}

const repeat = (value: ComponentState, times: number): ComponentState[] =>
  Array.from({ length: times }, () => value);

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
    expect(early.notices).toEqual([]);
    const late = paceNotifications([], [down], early.log, T0 + FLAP_WINDOW_MS);
    expect(late.notices).toEqual([{ kind: 'trouble', service: down, since: T0 }]);
    // ...and its recovery is then news again.
    const after = paceNotifications([recovered], [up], late.log, T0 + FLAP_WINDOW_MS + 60_000);
    expect(after.notices.map((t) => t.kind)).toEqual(['recovered']);
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
      [{ kind: 'trouble', service: sora, since: T0 }],
      [down, sora],
      first.log,
      T0 + 60_000,
    );
    expect(second.notices.map((t) => t.service.id)).toEqual(['sora']);
  });

  it('keep a clock set back from silencing a service for good', () => {
    const { log } = run(['trouble', 'recovered'], 60_000);
    // The clock now reads a day earlier: the last notification is "in the future".
    const paced = paceNotifications([trouble], [down], log, T0 - 24 * 60 * 60_000);
    expect(paced.notices).toEqual([trouble]);
  });

  it('keep a long outage in the log, so its end is told however long it lasted', () => {
    const states: ComponentState[] = [
      'major_outage',
      ...repeat('major_outage', 180),
      'operational',
    ];
    expect(told(states)).toEqual(['0:trouble', '181:recovered']);
  });
});

describe('worse and better', () => {
  it('tell a new state at most once per window, named from the last one told', () => {
    // degraded (told) → partial → major within minutes: one "worse" when the window ends.
    const states: ComponentState[] = [
      'degraded',
      'partial_outage',
      'major_outage',
      ...repeat('major_outage', 10),
      'partial_outage',
      ...repeat('partial_outage', 10),
      'operational',
    ];
    expect(told(states)).toEqual(['0:trouble', '10:worse', '20:better', '24:recovered']);
  });

  it('say nothing of a worse undone within the window', () => {
    const states: ComponentState[] = [
      'partial_outage',
      ...repeat('partial_outage', 15),
      'major_outage', // 16: told at once, the window is free
      'partial_outage', // 17: better, held...
      'major_outage', // 18: ...and undone: no news
      ...repeat('major_outage', 15),
    ];
    expect(told(states)).toEqual(['0:trouble', '16:worse']);
  });

  it('tell a flapping outage worse once: only a state worse than any named before', () => {
    // Partial and major by turns, each for 12 minutes (longer than the window).
    const flap = (n: number): ComponentState[] =>
      Array.from({ length: n }, (_, i) =>
        repeat(i % 2 ? 'partial_outage' : 'major_outage', 12),
      ).flat();
    const states: ComponentState[] = ['partial_outage', ...flap(8), 'operational'];
    // Before, a "worse" and a "better" every ten minutes: 0, 10, 20, 30... up to 90.
    expect(told(states)).toEqual(['0:trouble', '10:worse', '20:better', '97:recovered']);
  });

  it('take unknown in between as no change', () => {
    const states: ComponentState[] = [
      'major_outage',
      ...repeat('unknown', 20),
      'major_outage',
      'operational',
    ];
    expect(told(states)).toEqual(['0:trouble', '22:recovered']);
    expect(told(['major_outage', ...repeat('unknown', 20), 'degraded'])).toEqual([
      '0:trouble',
      '21:better',
    ]);
  });

  it('any sequence of states: one start and one end per episode, steps only inside one', () => {
    const state = fc.constantFrom<ComponentState>(
      'unknown',
      'operational',
      'maintenance',
      'degraded',
      'partial_outage',
      'major_outage',
    );
    fc.assert(
      fc.property(fc.array(state, { maxLength: 80 }), (states) => {
        const kinds = told(states).map((entry) => entry.split(':')[1]);
        let open = false;
        for (const kind of kinds) {
          if (kind === 'trouble') {
            expect(open).toBe(false);
            open = true;
          } else if (kind === 'recovered') {
            expect(open).toBe(true);
            open = false;
          } else {
            expect(open).toBe(true);
          }
        }
        // Steps: at most one per window.
        const stepMinutes = told(states)
          .filter((entry) => /worse|better/.test(entry))
          .map((entry) => Number(entry.split(':')[0]));
        stepMinutes.slice(1).forEach((minute, i) => {
          expect(minute - stepMinutes[i]!).toBeGreaterThanOrEqual(STEP_WINDOW_MS / MIN);
        });
      }),
    );
  });
});

describe('mutes and quiet hours', () => {
  it('any states, any quiet hours: starts and ends alternate, steps only between them', () => {
    const state = fc.constantFrom<ComponentState>(
      'operational',
      'unknown',
      'degraded',
      'major_outage',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(state, fc.boolean()), { maxLength: 80 }), (checks) => {
        const states = checks.map(([s]) => s);
        const kinds = told(states, (minute) => ({
          quiet: checks[minute]?.[1] ?? false,
          muted: new Set(),
        })).map((entry) => entry.split(':')[1]?.split(' ')[0]);
        let open = false;
        for (const kind of kinds) {
          if (kind === 'trouble') expect(open).toBe(false);
          else expect(open).toBe(true);
          if (kind === 'trouble') open = true;
          if (kind === 'recovered') open = false;
        }
        // Nothing is told in a quiet minute.
        told(states, (minute) => ({
          quiet: checks[minute]?.[1] ?? false,
          muted: new Set(),
        })).forEach((entry) => expect(checks[Number(entry.split(':')[0])]?.[1]).toBe(false));
      }),
    );
  });

  it('keep an outage told before them open when it comes back inside them', () => {
    const states: ComponentState[] = [
      ...repeat('major_outage', 5),
      ...repeat('operational', 5),
      ...repeat('major_outage', 20),
    ];
    const quiet = (minute: number) => ({
      quiet: minute >= 3 && minute < 20,
      muted: new Set<string>(),
    });
    expect(told(states, quiet)).toEqual(['0:trouble']);
  });

  const quietUntil = (end: number) => (minute: number) => ({
    quiet: minute < end,
    muted: new Set<string>(),
  });

  it('never tell a muted service, start, step or end', () => {
    const muted = () => ({ quiet: false, muted: new Set(['chatgpt']) });
    expect(told(['degraded', ...repeat('major_outage', 20), 'operational'], muted)).toEqual([]);
  });

  it('tell a trouble still running when the quiet hours end, once, as held since its start', () => {
    const states: ComponentState[] = ['operational', ...repeat('major_outage', 30)];
    expect(told(states, quietUntil(20))).toEqual(['20:trouble (late)']);
  });

  it('keep silent about a trouble that started and ended inside them', () => {
    const states: ComponentState[] = [
      'major_outage',
      ...repeat('major_outage', 5),
      ...repeat('operational', 30),
    ];
    expect(told(states, quietUntil(20))).toEqual([]);
  });

  it('tell at their end that an outage told before them is over', () => {
    const states: ComponentState[] = [...repeat('major_outage', 10), ...repeat('operational', 30)];
    expect(
      told(states, (minute) => ({ quiet: minute >= 5 && minute < 25, muted: new Set() })),
    ).toEqual(['0:trouble', '25:recovered (late)']);
  });

  it('hold it in the log, readable, so a restarted worker neither loses nor repeats it', () => {
    const start = settleEpisodes([], [serviceHealth({ state: 'major_outage' })], T0);
    const held = paceNotifications(start.transitions, start.services, {}, T0, {
      quiet: true,
      muted: new Set(),
    });
    expect(held.notices).toEqual([]);
    expect(held.log.chatgpt?.quiet).toEqual({ since: T0 });
    // The stored log round-trips through JSON: a new worker reads the same thing.
    const stored = JSON.parse(JSON.stringify(held.log)) as NotificationLog;
    const open = { quiet: false, muted: new Set<string>() };
    const end = paceNotifications([], start.services, stored, T0 + 60 * MIN, open);
    expect(end.notices).toMatchObject([{ kind: 'trouble', late: true, since: T0 }]);
    expect(end.log.chatgpt?.quiet).toBeUndefined();
    expect(paceNotifications([], start.services, end.log, T0 + 61 * MIN, open).notices).toEqual([]);
  });
});
