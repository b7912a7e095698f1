import type { Transition } from './health/episodes';
import { isTrouble } from './health/states';
import type { ServiceHealth } from './health/types';

/**
 * A service that starts trouble again this soon after the last "problems" notification about
 * it is flapping: a page that flips ten times in five minutes must not raise ten alerts.
 */
export const FLAP_WINDOW_MS = 30 * 60_000;

/** What the worker remembers of the notifications it raised, by service id. */
export type NotificationLog = Record<
  string,
  {
    /** When the last "problems" notification about this service was raised. */
    troubleAt: number;
    /** A trouble held back as a flap: its recovery is not news either. */
    held: boolean;
  }
>;

/**
 * Which of a check's transitions become notifications, and the log after them. Pure.
 *
 * - A service's trouble is announced, then not again for FLAP_WINDOW_MS: a trouble inside
 *   that window is held back, and so is the recovery that ends it (the user never heard of
 *   it). So a flapping page costs at most one "problems" and one "back to normal".
 * - A held-back trouble that is still there when the window has passed is announced then,
 *   late rather than never: a flap that turns into a real outage is not kept quiet.
 */
export function paceNotifications(
  transitions: readonly Transition[],
  services: readonly ServiceHealth[],
  before: NotificationLog,
  now: number,
): { transitions: Transition[]; log: NotificationLog } {
  const log: NotificationLog = { ...before };
  const out: Transition[] = [];
  for (const transition of transitions) {
    const { id } = transition.service;
    const entry = Object.hasOwn(log, id) ? log[id] : undefined;
    if (transition.kind === 'trouble') {
      if (entry && now - entry.troubleAt >= 0 && now - entry.troubleAt < FLAP_WINDOW_MS) {
        log[id] = { ...entry, held: true };
        continue;
      }
      log[id] = { troubleAt: now, held: false };
      out.push(transition);
    } else {
      if (entry?.held) {
        log[id] = { ...entry, held: false };
        continue;
      }
      out.push(transition);
    }
  }
  for (const service of services) {
    const entry = Object.hasOwn(log, service.id) ? log[service.id] : undefined;
    if (entry?.held && isTrouble(service.state) && now - entry.troubleAt >= FLAP_WINDOW_MS) {
      log[service.id] = { troubleAt: now, held: false };
      out.push({ kind: 'trouble', service });
    }
  }
  // Forget services quiet for a whole window: the log stays small.
  for (const [id, entry] of Object.entries(log)) {
    if (!entry.held && now - entry.troubleAt >= FLAP_WINDOW_MS) delete log[id];
  }
  return { transitions: out, log };
}
