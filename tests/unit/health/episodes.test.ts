import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleEpisodes } from '@/utils/health/episodes';
import { COMPONENT_STATES, type ComponentState } from '@/utils/core/states';
import type { ServiceHealth } from '@/utils/health/types';
import { serviceHealth } from '../../helpers/health';

function health(state: ComponentState, troubleSince: number | null = null): ServiceHealth {
  return serviceHealth({ state, troubleSince });
}

/** Runs a sequence of verdicts through settleEpisodes and lists the transitions it made. */
function run(states: ComponentState[]): string[] {
  let previous: ServiceHealth[] = [];
  const kinds: string[] = [];
  states.forEach((state, index) => {
    const { services, transitions } = settleEpisodes(previous, [health(state)], index * 60_000);
    kinds.push(...transitions.map((transition) => `${index}:${transition.kind}`));
    previous = services;
  });
  return kinds;
}

describe('settleEpisodes', () => {
  it('makes one transition when trouble starts, one when it ends, and a step for each new state between', () => {
    expect(
      run([
        'operational',
        'degraded',
        'major_outage',
        'major_outage',
        'partial_outage',
        'operational',
        'operational',
      ]),
    ).toEqual(['1:trouble', '2:worse', '4:better', '5:recovered']);
  });

  it('takes unknown in between as no step: the next troubled state is compared with nothing', () => {
    expect(run(['partial_outage', 'unknown', 'partial_outage', 'maintenance'])).toEqual([
      '0:trouble',
      '3:recovered',
    ]);
  });

  it('dates each transition by its episode, a recovery by the one it ends', () => {
    const first = settleEpisodes([], [health('degraded', 1_000)], 5_000);
    expect(first.transitions[0]).toMatchObject({ kind: 'trouble', since: 1_000 });
    const worse = settleEpisodes(first.services, [health('major_outage')], 65_000);
    expect(worse.transitions[0]).toMatchObject({ kind: 'worse', since: 1_000 });
    const over = settleEpisodes(worse.services, [health('operational')], 125_000);
    expect(over.transitions[0]).toMatchObject({ kind: 'recovered', since: 1_000 });
  });

  it('any sequence of states: one start and one end per episode, steps only inside one', () => {
    const state = fc.constantFrom<ComponentState>(...COMPONENT_STATES);
    fc.assert(
      fc.property(fc.array(state, { maxLength: 60 }), (states) => {
        let open = false;
        for (const entry of run(states)) {
          const kind = entry.split(':')[1];
          if (kind === 'trouble') expect(open).toBe(false);
          else expect(open).toBe(true);
          if (kind === 'trouble') open = true;
          if (kind === 'recovered') open = false;
        }
      }),
    );
  });

  it('does not end an outage because the status page stopped answering', () => {
    expect(run(['major_outage', 'unknown', 'unknown', 'major_outage', 'operational'])).toEqual([
      '0:trouble',
      '4:recovered',
    ]);
  });

  it('does not start one either', () => {
    expect(run(['operational', 'unknown', 'operational', 'maintenance'])).toEqual([]);
  });

  it('dates an outage from the earlier of our first sight and the official start', () => {
    const first = settleEpisodes([], [health('major_outage', 1_000)], 5_000);
    expect(first.services[0]?.troubleSince).toBe(1_000);
    const next = settleEpisodes(first.services, [health('major_outage', null)], 65_000);
    expect(next.services[0]?.troubleSince).toBe(1_000);
    expect(next.transitions).toEqual([]);
  });

  it('keeps the moment it opened an outage as its identity, whatever the page says of its start', () => {
    const first = settleEpisodes([], [health('partial_outage', 5_000)], 5_000);
    expect(first.services[0]?.openedAt).toBe(5_000);
    // The official page catches up and says the trouble began earlier.
    const next = settleEpisodes(first.services, [health('major_outage', 2_000)], 65_000);
    expect(next.services[0]).toMatchObject({ troubleSince: 2_000, openedAt: 5_000 });
    const silent = settleEpisodes(next.services, [health('unknown')], 125_000);
    expect(silent.services[0]?.openedAt).toBe(5_000);
    const over = settleEpisodes(silent.services, [health('operational')], 185_000);
    expect(over.services[0]).toMatchObject({ troubleSince: null, openedAt: null });
    const again = settleEpisodes(over.services, [health('degraded', 200_000)], 245_000);
    expect(again.services[0]?.openedAt).toBe(245_000);
  });
});
