import type { SourceError } from '../sources/types';

/**
 * How often the radar looks. Slow while all is well (the healthy-traffic budget, and a
 * million installs' load on each host: docs/SCALE.md), faster while the user has ChatGPT
 * open and idle, fastest while something is wrong (that is when minutes matter).
 */
export const CADENCE = {
  /**
   * A status page while all its products are fine. A Statuspage read is two requests: at
   * 20 min, half a million running browsers stay under 1,000 requests/s on each page's host.
   */
  calmMs: 20 * 60_000,
  /**
   * OpenAI's page and probes while a ChatGPT tab is open but the user's own requests say
   * nothing (`watchesChatGpt`), and every alternative's page while ChatGPT is in trouble.
   */
  watchingMs: 5 * 60_000,
  /**
   * Any source or probe whose products are in trouble. Two minutes, not one: every install
   * speeds up at once in a big outage, and at one minute OpenAI's hosts would take 8,000
   * requests/s from us alone.
   */
  troubleMs: 2 * 60_000,
  /**
   * A probe while all is well: a few hundred bytes, but for a dozen services. As often as a
   * calm page, so both are read in the same wake of the worker (each wake and each request
   * cost the user's CPU: at 15 min a calm hour took 1.06 s, over the 1 s budget; at 20, 0.85 s.
   * docs/PERFORMANCE.md). The replay's no-tab lead over what a probe can see stays ≥ 10 min.
   */
  probeCalmMs: 20 * 60_000,
  /** The longest a failing status page is left alone. */
  maxBackoffMs: 30 * 60_000,
  /**
   * Every interval is drawn within ±this share of itself, so installs that started together
   * (an update, a shared outage, a morning) drift apart instead of reading in step.
   */
  jitter: 0.2,
} as const;

/**
 * How far ahead of its due time a check takes a read or probe it is awake for anyway: a tenth
 * of its interval (2 min of a calm page's 20). Pages and probes drift apart with their jitter;
 * this brings them back into one wake of the worker, which costs more CPU than the reads
 * (docs/PERFORMANCE.md). A read taken early shortens that one interval only: over the
 * replayed week a calm page is read about 1 % more often (`npm run fleet` counts it whole).
 */
export const COALESCE_SHARE = 0.1;

/** Why a source or probe is being watched more closely. */
export interface Attention {
  trouble: boolean;
  watching?: boolean;
}

/** A status source's own intervals, where the defaults would cost too much (a heavy feed). */
export interface SourcePace {
  calmMs: number;
  watchingMs: number;
  troubleMs: number;
}

/** The interval for a status source given the attention it deserves and its own pace. */
export function sourceInterval(attention: Attention, pace: Partial<SourcePace> = {}): number {
  if (attention.trouble) return pace.troubleMs ?? CADENCE.troubleMs;
  return attention.watching
    ? (pace.watchingMs ?? CADENCE.watchingMs)
    : (pace.calmMs ?? CADENCE.calmMs);
}

/** The longest a calm page or probe waits for its next read, its jitter drawn at the top. */
export const LONGEST_CALM_MS = CADENCE.calmMs * (1 + CADENCE.jitter);

/**
 * How late a read may come to share a wake of the worker with others. A page read less often
 * than a calm page (Google's hourly feeds) waits for the next calm wake, up to one longest calm
 * interval: alone, it would wake the worker about once an hour for itself (each wake costs
 * more CPU than the reads, docs/PERFORMANCE.md). Every other read comes on time.
 */
export function lateness(interval: number): number {
  return interval > CADENCE.calmMs ? LONGEST_CALM_MS : 0;
}

/**
 * How long a status page's last good read stands for it: two calm polls and two minutes,
 * so one slow or failed read never turns a page silent, and a page silent longer is
 * `unknown` — never a stale "operational".
 */
export function staleAfter(calmMs: number = CADENCE.calmMs): number {
  // Each of the two polls may come a jitter's share late, and as late as a wake allows.
  return 2 * (calmMs * (1 + CADENCE.jitter) + lateness(calmMs)) + 2 * 60_000;
}

/**
 * `interval` moved by up to ±CADENCE.jitter, by an amount drawn from `seed` (the moment of
 * the read or probe it follows): the same seed gives the same interval, so the scheduler can
 * tell again when a read is due without storing the draw, and two installs, whose reads never
 * fall on the same millisecond, draw differently.
 */
export function jittered(interval: number, seed: number): number {
  return Math.round(interval * (1 + CADENCE.jitter * (2 * unitHash(seed) - 1)));
}

/** A number in [0, 1) from an integer, well spread (a 32-bit integer hash of both halves). */
function unitHash(seed: number): number {
  let x = (Math.floor(seed) ^ Math.floor(seed / 2 ** 32)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x ^= x >>> 16;
  return (x >>> 0) / 2 ** 32;
}

/** A 429 or 5xx: the status page asks us to come back later, not sooner. */
export function isOverloaded(error: SourceError | null): error is SourceError & { status: number } {
  return (
    error?.code === 'http' &&
    error.status !== undefined &&
    (error.status === 429 || error.status >= 500)
  );
}

/**
 * When to read a source next. After a 429 or 5xx from a status page the radar backs off
 * exponentially with jitter (never hammering a page that is already struggling), and
 * honours Retry-After; other failures (timeouts, a bot challenge) retry at the normal pace.
 */
export function nextSourceDue(
  now: number,
  interval: number,
  error: SourceError | null,
  failures: number,
  random: () => number = Math.random,
): number {
  if (!isOverloaded(error)) return now + jittered(interval, now);
  const backoff = Math.min(interval * 2 ** Math.max(0, failures - 1), CADENCE.maxBackoffMs);
  // Full jitter between half and the whole backoff, so many browsers do not retry in step.
  const spread = backoff * (0.5 + random() * 0.5);
  // Retry-After is honoured up to the longest backoff: a page asking for a day's silence
  // would otherwise silence a provider for a day, outage or not.
  const retryAfter = Math.min(error.retryAfterMs ?? 0, CADENCE.maxBackoffMs);
  return now + Math.max(spread, retryAfter, interval);
}

/**
 * How often to probe a target. While OpenAI is watched, its probes run as often as its status
 * page is read: that is when a failing API must be seen in minutes.
 */
export function probeInterval(attention: Attention): number {
  if (attention.trouble) return CADENCE.troubleMs;
  return attention.watching ? CADENCE.watchingMs : CADENCE.probeCalmMs;
}

/** When to probe a target next, after a probe at `last`. */
export function nextProbeDue(last: number, attention: Attention): number {
  return last + jittered(probeInterval(attention), last);
}
