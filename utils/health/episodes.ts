import { isHealthy, isTrouble } from './states';
import type { ServiceHealth } from './types';

/** A service entering or leaving trouble: what notifications are about. */
export interface Transition {
  kind: 'trouble' | 'recovered';
  service: ServiceHealth;
}

/**
 * Carries each service's trouble episode from the previous snapshot to the next and lists
 * the transitions. An episode opens on the first troubled verdict, survives `unknown`
 * (a status page that stops answering mid-outage has not fixed anything) and closes only on
 * a healthy one, so each outage yields exactly one "trouble" and one "recovered".
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
      transitions.push({ kind: 'trouble', service: settled });
    if (openSince !== null && troubleSince === null)
      transitions.push({ kind: 'recovered', service: settled });
    return settled;
  });
  return { services, transitions };
}
