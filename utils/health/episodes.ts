import { isHealthy, isTrouble, worseOf, type ComponentState } from '../core/states';
import type { ServiceHealth } from './types';

/**
 * What happened to a service's trouble at one check, for notifications: it started
 * ('trouble'), got worse or better while still in trouble (degraded ↔ partial ↔ major), or
 * ended ('recovered').
 */
type TransitionKind = 'trouble' | 'worse' | 'better' | 'recovered';

export interface Transition {
  kind: TransitionKind;
  service: ServiceHealth;
  /** When the episode began (`troubleSince`; for a recovery, the one it had until now). */
  since: number;
}

/** 'worse' or 'better' from one troubled state to another; null when they are the same. */
export function stepBetween(from: ComponentState, to: ComponentState): 'worse' | 'better' | null {
  if (from === to) return null;
  return worseOf(from, to) === to ? 'worse' : 'better';
}

/**
 * Carries each service's trouble episode from the previous snapshot to the next and lists
 * the transitions. An episode opens on the first troubled verdict, survives `unknown`
 * (a status page that stops answering mid-outage has not fixed anything) and closes only on
 * a healthy one, so each outage yields exactly one "trouble" and one "recovered". Between
 * them, a troubled verdict that differs from the previous troubled one is a step ('worse' or
 * 'better'); `unknown` in between is no step, and a step is never outside an episode.
 */
export function settleEpisodes(
  previous: readonly ServiceHealth[],
  next: readonly ServiceHealth[],
  now: number,
): { services: ServiceHealth[]; transitions: Transition[] } {
  const transitions: Transition[] = [];
  const services = next.map((service) => {
    const before = previous.find((candidate) => candidate.id === service.id);
    const openSince = before?.troubleSince ?? null;
    let troubleSince = openSince;
    let openedAt = openSince === null ? null : (before?.openedAt ?? openSince);
    if (isTrouble(service.state)) {
      troubleSince = Math.min(openSince ?? now, service.troubleSince ?? now);
      openedAt ??= now;
    } else if (isHealthy(service.state)) {
      troubleSince = null;
      openedAt = null;
    }
    const settled = { ...service, troubleSince, openedAt };
    if (openSince === null && troubleSince !== null)
      transitions.push({ kind: 'trouble', service: settled, since: troubleSince });
    else if (openSince !== null && troubleSince === null)
      transitions.push({ kind: 'recovered', service: settled, since: openSince });
    else if (
      troubleSince !== null &&
      before &&
      isTrouble(before.state) &&
      isTrouble(service.state)
    ) {
      const step = stepBetween(before.state, service.state);
      if (step) transitions.push({ kind: step, service: settled, since: troubleSince });
    }
    return settled;
  });
  return { services, transitions };
}
