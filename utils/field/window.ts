import { FIELD_PRODUCTS, type FieldEvent, type FieldProductId } from './classify';

/** How far back the user's own requests count: long enough for a few tries, short enough to be "now". */
export const FIELD_WINDOW_MS = 5 * 60_000;
/**
 * How far back the user's sends count. A user sends a message every few minutes: five
 * minutes hold one or two, too few to tell one send in three failing (a partial outage, as on
 * 2025-06-10 and 2026-02-12) from a blip.
 */
export const FIELD_SENDS_WINDOW_MS = 20 * 60_000;
/** Events kept at most: a busy ChatGPT tab makes dozens of calls a minute. */
export const FIELD_EVENTS_CAP = 200;
/** Sends kept beyond the short window, at most (a send every few seconds is already a lot). */
const OLDER_SENDS_CAP = 60;
/** Failed requests in a row (newest backwards) that make a product failing for this user. */
export const FIELD_FAILURES_IN_A_ROW = 2;
/** Or this many failures in the window... */
export const FIELD_MIN_FAILURES = 3;
/** ...making at least this share of the window's requests. */
const FIELD_FAILURE_SHARE = 0.5;
/** Failed sends in FIELD_SENDS_WINDOW_MS that make a product struggling for this user... */
const FIELD_PARTIAL_FAILED_SENDS = 2;
/** ...making at least this share of the sends. */
const FIELD_PARTIAL_SHARE = 0.25;
/**
 * 429s in the window, on at least FIELD_FLOOD_KINDS kinds of call, that say the service is
 * overloaded rather than this user limited: one user's limit hits one kind of call (an
 * exporter's conversation reads, too many messages in an hour), an overloaded service all of
 * them (OpenAI's incident of 2026-06-03, ../shared/chatgpt-wire.md §3c).
 */
export const FIELD_FLOOD_REQUESTS = 4;
const FIELD_FLOOD_KINDS = 3;

/** What the user's own requests say about one product. */
export interface FieldSignal {
  /**
   * `failing`: the user's requests fail (two in a row, or half of them); `struggling`: some of
   * the user's sends fail, or the service refuses many kinds of call as too many; `quiet`: no
   * requests in the window, the user is not using it: says nothing.
   */
  state: 'failing' | 'struggling' | 'working' | 'quiet';
  /** Failed requests in the window, and requests counted (see `counts`). */
  failures: number;
  total: number;
  /** Failed requests in a row, from the latest backwards. */
  consecutiveFailures: number;
  /** The user's sends in FIELD_SENDS_WINDOW_MS (see `isSend`), and those that failed. */
  sends: number;
  failedSends: number;
  /** 429s in the window. */
  limited: number;
  /**
   * When the current trouble began: the first of the consecutive failures; when failing on
   * the share of failures alone, the first failure in the window; when struggling, the first
   * failed send (or 429) counted.
   */
  firstFailureAt: number | null;
  lastEventAt: number | null;
  /**
   * When the oldest request in the window leaves it: the soonest this signal can change with
   * time alone (`working` turning `quiet`, say, which makes an open ChatGPT tab worth
   * watching). The worker sleeps between checks and must wake then. Null when quiet.
   */
  changesAt: number | null;
}

/**
 * One thing the user tried: a send (its outcome is whether the message got an answer), or a
 * step before a send that failed (the send then never went). A step that worked says nothing
 * of its own: it is part of a send, or of typing (the prepare call fires while typing).
 */
function isSend(event: FieldEvent): boolean {
  return event.pathClass === 'send' || (event.pathClass === 'step' && event.outcome === 'failed');
}

/**
 * Whether an event counts in the runs and shares of the short window: every request but the
 * steps that worked (a send's four requests are one user action, and three that work must not
 * hide the one that fails) and the 429s (weighed apart).
 */
function counts(event: FieldEvent): boolean {
  return event.outcome !== 'limited' && !(event.pathClass === 'step' && event.outcome === 'ok');
}

/**
 * The events worth keeping at `now`, oldest first: those of the short window, at most
 * FIELD_EVENTS_CAP, and the sends of the long one. Pure. Events "from the future" are kept only
 * within one window: `webRequest` time stamps may run a little ahead of `now`, but after the
 * clock is set back, old events must not stay forever.
 */
export function pruneEvents(events: readonly FieldEvent[], now: number): FieldEvent[] {
  const future = now + FIELD_WINDOW_MS;
  const sorted = events.filter((event) => event.at <= future).sort((a, b) => a.at - b.at);
  const recent = sorted.filter((event) => event.at > now - FIELD_WINDOW_MS);
  const olderSends = sorted.filter(
    (event) =>
      event.at <= now - FIELD_WINDOW_MS && event.at > now - FIELD_SENDS_WINDOW_MS && isSend(event),
  );
  return [...olderSends.slice(-OLDER_SENDS_CAP), ...recent.slice(-FIELD_EVENTS_CAP)];
}

/** One signal per product from the events kept at `now`. Pure. */
export function fieldSignals(
  events: readonly FieldEvent[],
  now: number,
): Record<FieldProductId, FieldSignal> {
  const kept = pruneEvents(events, now);
  const signals = {} as Record<FieldProductId, FieldSignal>;
  for (const productId of FIELD_PRODUCTS) {
    signals[productId] = signalOf(
      kept.filter((event) => event.productId === productId),
      now,
    );
  }
  return signals;
}

/** `events` are one product's, oldest first. */
function signalOf(events: readonly FieldEvent[], now: number): FieldSignal {
  const recent = events.filter((event) => event.at > now - FIELD_WINDOW_MS);
  const counted = recent.filter(counts);
  const failed = counted.filter((event) => event.outcome === 'failed');
  let run = 0;
  while (run < counted.length && counted[counted.length - 1 - run]?.outcome === 'failed') run++;
  const failing =
    run >= FIELD_FAILURES_IN_A_ROW ||
    (failed.length >= FIELD_MIN_FAILURES && failed.length >= FIELD_FAILURE_SHARE * counted.length);

  const sends = events.filter(isSend);
  const failedSends = sends.filter((event) => event.outcome === 'failed');
  const limited = recent.filter((event) => event.outcome === 'limited');
  const partial =
    failedSends.length >= FIELD_PARTIAL_FAILED_SENDS &&
    failedSends.length >= FIELD_PARTIAL_SHARE * sends.length;
  const flood =
    limited.length >= FIELD_FLOOD_REQUESTS &&
    new Set(limited.map((event) => event.pathClass)).size >= FIELD_FLOOD_KINDS;

  const latest = counted.at(-1);
  let state: FieldSignal['state'] = 'quiet';
  if (failing) state = 'failing';
  else if (partial || flood) state = 'struggling';
  // One failed request after working ones is a blip; one failed request alone says too little.
  else if (latest && counted.length > run) state = 'working';
  const troubleStart =
    state === 'failing'
      ? run > 0
        ? counted[counted.length - run]
        : failed[0]
      : state === 'struggling'
        ? [failedSends[0], limited[0]]
            .filter((event) => event !== undefined)
            .sort((a, b) => a.at - b.at)[0]
        : undefined;
  return {
    state,
    failures: failed.length,
    total: counted.length,
    consecutiveFailures: run,
    sends: sends.length,
    failedSends: failedSends.length,
    limited: limited.length,
    firstFailureAt: troubleStart?.at ?? null,
    lastEventAt: events.at(-1)?.at ?? null,
    changesAt: recent[0] ? recent[0].at + FIELD_WINDOW_MS : null,
  };
}

/**
 * Whether `after` says something `before` did not, in what the snapshot shows of a field
 * signal (utils/health/merge.ts reads the state, the counts its reason names, and when the
 * trouble began). One more ok request to a product already `working` changes none of it, so
 * it need not republish anything. Pure.
 */
export function fieldSignalChanged(before: FieldSignal, after: FieldSignal): boolean {
  if (before.state !== after.state) return true;
  if (after.state === 'failing') {
    return (
      before.failures !== after.failures ||
      before.consecutiveFailures !== after.consecutiveFailures ||
      before.firstFailureAt !== after.firstFailureAt
    );
  }
  if (after.state === 'struggling') {
    return (
      before.sends !== after.sends ||
      before.failedSends !== after.failedSends ||
      before.limited !== after.limited ||
      before.firstFailureAt !== after.firstFailureAt
    );
  }
  return false;
}
