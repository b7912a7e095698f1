import { isComponentState, worstState, type ComponentState } from '../core/states';

export const HOUR_MS = 60 * 60_000;
const MINUTE_MS = 60_000;

/**
 * One hour of history, rolled up by the worker as it goes: how many minutes each service
 * spent in each state. The popup reads a week of these (168 small records) instead of 10,080
 * per-minute checks, so showing history costs it a few milliseconds, not a scan.
 */
export interface HourRecord {
  /** The hour's start (ms since the epoch, a multiple of HOUR_MS). */
  hour: number;
  minutes: Record<string, Partial<Record<ComponentState, number>>>;
  /**
   * The last minute folded in and the states it was counted with: the worker republishes
   * several times a minute, and a republish replaces that minute's count instead of adding.
   */
  lastMinute: number;
  lastStates: Record<string, ComponentState>;
}

/** `record` with the check of `at` folded in (a new record when there is none). Pure. */
export function foldCheck(
  record: HourRecord | undefined,
  at: number,
  states: Record<string, ComponentState>,
): HourRecord {
  const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
  const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  const base: HourRecord =
    record && record.hour === hour ? record : { hour, minutes: {}, lastMinute: -1, lastStates: {} };
  const minutes: HourRecord['minutes'] = Object.fromEntries(
    Object.entries(base.minutes).map(([id, counts]) => [id, { ...counts }]),
  );
  if (base.lastMinute === minute) {
    // The same minute again: take back what it counted before.
    for (const [id, state] of Object.entries(base.lastStates)) {
      const counts = minutes[id];
      if (counts?.[state]) counts[state] -= 1;
    }
  }
  for (const [id, state] of Object.entries(states)) {
    const counts = (minutes[id] ??= {});
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return { hour, minutes, lastMinute: minute, lastStates: { ...states } };
}

/** One service's minutes in one hour, only the valid counts of a record read back. */
function countsOf(record: HourRecord | undefined, serviceId: string): [ComponentState, number][] {
  const counts = record?.minutes?.[serviceId];
  if (!counts || typeof counts !== 'object') return [];
  return Object.entries(counts).filter(
    (entry): entry is [ComponentState, number] =>
      isComponentState(entry[0]) && typeof entry[1] === 'number' && entry[1] > 0,
  );
}

/**
 * The last `slots` hours of one service, oldest first, the current hour last: each the worst
 * state seen in it, `unknown` where the radar had no word, null where it has no record (the
 * browser was closed). An hour of trouble shows however briefly it lasted: a strip is for
 * spotting outages.
 */
export function hourStrip(
  records: readonly HourRecord[],
  serviceId: string,
  now: number,
  slots = 24,
): (ComponentState | null)[] {
  const byHour = new Map(records.map((record) => [record.hour, record]));
  const current = Math.floor(now / HOUR_MS) * HOUR_MS;
  return Array.from({ length: slots }, (_, index) => {
    const counts = countsOf(byHour.get(current - (slots - 1 - index) * HOUR_MS), serviceId);
    return counts.length === 0 ? null : worstState(counts.map(([state]) => state));
  });
}

/**
 * Partial outages count as 30 % down, as Atlassian Statuspage computes the uptime users see on
 * status pages; degraded performance counts as up (slow is not down).
 */
const DOWN_WEIGHT: Partial<Record<ComponentState, number>> = {
  major_outage: 1,
  partial_outage: 0.3,
};

/** Below an hour of known minutes, a "7-day uptime" would be a few minutes' anecdote. */
const UPTIME_MIN_KNOWN_MINUTES = 60;

/**
 * One service's uptime over the `days` before `now`, as a fraction (0–1), from the minutes the
 * radar knew its state; null while it knew fewer than an hour of them. Unknown minutes (no word, offline) and
 * maintenance (announced, planned) are left out rather than counted either way.
 */
export function uptime(
  records: readonly HourRecord[],
  serviceId: string,
  now: number,
  days = 7,
): number | null {
  const from = Math.floor((now - days * 24 * HOUR_MS) / HOUR_MS) * HOUR_MS;
  let known = 0;
  let down = 0;
  for (const record of records) {
    if (!(record.hour >= from && record.hour <= now)) continue;
    for (const [state, minutes] of countsOf(record, serviceId)) {
      if (state === 'unknown' || state === 'maintenance') continue;
      known += minutes;
      down += minutes * (DOWN_WEIGHT[state] ?? 0);
    }
  }
  return known < UPTIME_MIN_KNOWN_MINUTES ? null : 1 - down / known;
}
