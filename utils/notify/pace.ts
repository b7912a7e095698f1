import { stepBetween, type Transition } from '../health/episodes';
import { isTrouble, worseOf, type ComponentState } from '../core/states';
import type { ServiceHealth } from '../health/types';

/**
 * A service that starts trouble again this soon after the last "problems" notification about
 * it is flapping: a page that flips ten times in five minutes must not raise ten alerts.
 */
export const FLAP_WINDOW_MS = 30 * 60_000;

/**
 * At most one "worse" or "better" per service this often: a page that climbs degraded →
 * partial → major in five minutes is one piece of news, and a worse undone within the window
 * is none.
 */
export const STEP_WINDOW_MS = 10 * 60_000;

/** What the worker remembers of one service's notifications. */
interface ServiceNotices {
  /** When the last "problems" notification about this service was raised. */
  troubleAt?: number;
  /** A trouble held back as a flap: its recovery is not news either. */
  held: boolean;
  /**
   * The open outage the user was told of: since when, the state last named, and when they
   * were last told about it (start or step). Absent: nothing told, so no end to tell either.
   */
  told?: { since: number; state: ComponentState; at: number; worst?: ComponentState };
  /**
   * Held for the quiet hours: a trouble since `since` not told yet, or, with `endedAt`, the
   * end of one told before they began. Told once when they end.
   */
  quiet?: { since: number; endedAt?: number };
}

/** What the worker remembers of the notifications it raised, by service id. */
export type NotificationLog = Record<string, ServiceNotices>;

/** A transition to tell the user about. */
export interface Notice extends Transition {
  /** Held through the quiet hours and told now: the text says since when. */
  late?: boolean;
  /** When the outage ended, for a recovery told late; the check time otherwise. */
  endedAt?: number;
}

/** What the user asked for (utils/settings/settings.ts), as the pacing needs it. */
export interface NoticePolicy {
  /** Whether `now` is inside the quiet hours. */
  quiet: boolean;
  /** Service ids never to notify about. */
  muted: ReadonlySet<string>;
}

const OPEN: NoticePolicy = { quiet: false, muted: new Set() };

/** Whether `ms` has passed since `at`; a clock set back counts as passed, never as silence. */
const passed = (at: number | undefined, ms: number, now: number) =>
  at === undefined || now - at < 0 || now - at >= ms;

/**
 * Which of a check's transitions become notifications, and the log after them. Pure.
 *
 * - A service's trouble is announced, then not again for FLAP_WINDOW_MS: a trouble inside
 *   that window is held back, and so is the recovery that ends it (the user never heard of
 *   it). So a flapping page costs at most one "problems" and one "back to normal". A held
 *   trouble still there when the window has passed is announced then, late rather than never.
 * - While told of an outage, the user hears of a new state ('worse'/'better') at most once
 *   per STEP_WINDOW_MS, and only if it still differs from the one last named; and "worse" only
 *   to a state worse than any named in this outage: a service flapping between partial and
 *   major (a 70 % failure, 2025-01-23 replayed) is told major once, not every ten minutes.
 * - Only an outage the user was told of has its end told.
 * - Muted services never notify. In the quiet hours nothing is told: a trouble still there
 *   when they end is told then, once ("since 02:14"), as is the end of one told before they
 *   began; one that started and ended inside them stays silent.
 */
export function paceNotifications(
  transitions: readonly Transition[],
  services: readonly ServiceHealth[],
  before: NotificationLog,
  now: number,
  { quiet, muted }: NoticePolicy = OPEN,
): { notices: Notice[]; log: NotificationLog } {
  const log: NotificationLog = { ...before };
  const notices: Notice[] = [];
  const entryOf = (id: string): ServiceNotices => {
    const entry = Object.hasOwn(log, id) ? log[id] : undefined;
    return entry ? { ...entry } : { held: false };
  };

  for (const transition of transitions) {
    const { id, state } = transition.service;
    if (muted.has(id)) continue;
    const entry = entryOf(id);
    if (transition.kind === 'trouble') {
      if (quiet && entry.told && entry.quiet?.endedAt !== undefined) {
        // Back in trouble before the end of the one told could be told: for the user it
        // never ended. Steps, if any, are told after the quiet hours.
        log[id] = { ...entry };
        delete log[id].quiet;
      } else if (quiet) {
        log[id] = { ...entry, quiet: { since: transition.since } };
      } else if (!passed(entry.troubleAt, FLAP_WINDOW_MS, now)) {
        log[id] = { ...entry, held: true };
      } else {
        log[id] = {
          troubleAt: now,
          held: false,
          told: { since: transition.since, state, at: now },
        };
        notices.push(transition);
      }
    } else if (transition.kind === 'recovered') {
      const { told, ...rest } = entry;
      log[id] = { ...rest, held: false };
      if (entry.quiet && entry.quiet.endedAt === undefined) delete log[id].quiet;
      if (!told || entry.held) continue;
      // In the quiet hours the told outage stays open in the log until its end is told.
      if (quiet) log[id] = { ...log[id], told, quiet: { since: told.since, endedAt: now } };
      else notices.push({ ...transition, since: told.since, endedAt: now });
    }
    // Steps are told below, from the state last named: one undone in time is no news.
  }

  for (const service of services) {
    const { id, state } = service;
    if (muted.has(id)) {
      delete log[id];
      continue;
    }
    if (quiet || !Object.hasOwn(log, id)) continue;
    const entry = entryOf(id);
    const open = service.troubleSince !== null;
    if (entry.quiet) {
      const { since, endedAt } = entry.quiet;
      if (endedAt !== undefined) {
        notices.push({ kind: 'recovered', service, since, endedAt, late: true });
        delete entry.quiet;
        delete entry.told;
      } else if (isTrouble(state)) {
        notices.push({ kind: 'trouble', service, since, late: true });
        entry.troubleAt = now;
        entry.held = false;
        entry.told = { since, state, at: now };
        delete entry.quiet;
      } else if (!open) {
        delete entry.quiet;
      }
    } else if (entry.held && isTrouble(state) && passed(entry.troubleAt, FLAP_WINDOW_MS, now)) {
      const since = service.troubleSince ?? now;
      notices.push({ kind: 'trouble', service, since });
      entry.troubleAt = now;
      entry.held = false;
      entry.told = { since, state, at: now };
    } else if (entry.told && !open) {
      // Ended unseen (the service was muted meanwhile): nothing left to tell.
      delete entry.told;
    } else if (entry.told && isTrouble(state) && passed(entry.told.at, STEP_WINDOW_MS, now)) {
      const step = stepBetween(entry.told.state, state);
      const worst = entry.told.worst ?? entry.told.state;
      if (step === 'better' || (step === 'worse' && worseOf(worst, state) !== worst)) {
        notices.push({ kind: step, service, since: entry.told.since });
        entry.told = { ...entry.told, state, at: now, worst: worseOf(worst, state) };
      }
    }
    log[id] = entry;
  }

  // Forget services with nothing open and quiet for a whole window: the log stays small.
  for (const [id, entry] of Object.entries(log)) {
    if (!entry.held && !entry.told && !entry.quiet && passed(entry.troubleAt, FLAP_WINDOW_MS, now))
      delete log[id];
  }
  return { notices, log };
}
