import { FIELD_PRODUCTS, type FieldEvent, type FieldProductId } from './classify';

/** How far back the user's own requests count: long enough for a few tries, short enough to be "now". */
export const FIELD_WINDOW_MS = 5 * 60_000;
/** Events kept at most: a busy ChatGPT tab makes dozens of calls a minute. */
export const FIELD_EVENTS_CAP = 200;
/** Failed requests in a row (newest backwards) that make a product failing for this user. */
export const FIELD_FAILURES_IN_A_ROW = 2;
/** Or this many failures in the window... */
export const FIELD_MIN_FAILURES = 3;
/** ...making at least this share of the window's requests. */
const FIELD_FAILURE_SHARE = 0.5;

/** What the user's own requests say about one product. */
export interface FieldSignal {
  /** `quiet`: no requests in the window, the user is not using it: says nothing. */
  state: 'failing' | 'working' | 'quiet';
  failures: number;
  total: number;
  /** Failed requests in a row, from the latest backwards. */
  consecutiveFailures: number;
  /**
   * When the current failing run began: the first of the consecutive failures, or, when the
   * product is failing on the share of failures alone, the first failure in the window.
   */
  firstFailureAt: number | null;
  lastEventAt: number | null;
}

/**
 * The events inside the window ending at `now`, oldest first, at most FIELD_EVENTS_CAP. Pure.
 * Events "from the future" are kept only within one window: `webRequest` time stamps may run a
 * little ahead of `now`, but after the clock is set back, old events must not stay forever.
 */
export function pruneEvents(events: readonly FieldEvent[], now: number): FieldEvent[] {
  return events
    .filter((event) => event.at > now - FIELD_WINDOW_MS && event.at <= now + FIELD_WINDOW_MS)
    .sort((a, b) => a.at - b.at)
    .slice(-FIELD_EVENTS_CAP);
}

/** One signal per product from the events in the window ending at `now`. Pure. */
export function fieldSignals(
  events: readonly FieldEvent[],
  now: number,
): Record<FieldProductId, FieldSignal> {
  const recent = pruneEvents(events, now);
  const signals = {} as Record<FieldProductId, FieldSignal>;
  for (const productId of FIELD_PRODUCTS) {
    signals[productId] = signalOf(recent.filter((event) => event.productId === productId));
  }
  return signals;
}

/** `events` are one product's, oldest first. */
function signalOf(events: readonly FieldEvent[]): FieldSignal {
  const failed = events.filter((event) => event.outcome === 'failed');
  let run = 0;
  while (run < events.length && events[events.length - 1 - run]?.outcome === 'failed') run++;
  const failing =
    run >= FIELD_FAILURES_IN_A_ROW ||
    (failed.length >= FIELD_MIN_FAILURES && failed.length >= FIELD_FAILURE_SHARE * events.length);
  const latest = events.at(-1);
  let state: FieldSignal['state'] = 'quiet';
  if (failing) state = 'failing';
  // One failed request after working ones is a blip; one failed request alone says too little.
  else if (latest && events.length > run) state = 'working';
  const runStart = run > 0 ? events[events.length - run] : failing ? failed[0] : undefined;
  return {
    state,
    failures: failed.length,
    total: events.length,
    consecutiveFailures: run,
    firstFailureAt: runStart?.at ?? null,
    lastEventAt: latest?.at ?? null,
  };
}

/**
 * Whether `after` says something `before` did not, in what the snapshot shows of a field
 * signal (utils/health/merge.ts reads the state, and while failing the failures counted,
 * "Your last N requests failed", and when the run began). One more ok request to a product
 * already `working` changes none of it, so it need not republish anything. Pure.
 */
export function fieldSignalChanged(before: FieldSignal, after: FieldSignal): boolean {
  if (before.state !== after.state) return true;
  if (after.state !== 'failing') return false;
  return (
    before.failures !== after.failures ||
    before.consecutiveFailures !== after.consecutiveFailures ||
    before.firstFailureAt !== after.firstFailureAt
  );
}
