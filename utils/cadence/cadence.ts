import type { SourceError } from '../sources/types';

/**
 * How often the radar looks. Slow while all is well (the healthy-traffic budget), fast while
 * something is wrong or the user has ChatGPT open (that is when minutes matter).
 */
export const CADENCE = {
  /** A status page while all its products are fine. */
  calmMs: 5 * 60_000,
  /** OpenAI's page and probes while a ChatGPT tab is open. */
  watchingMs: 2 * 60_000,
  /** Any source or probe whose products are in trouble, or whose signals disagree. */
  troubleMs: 60_000,
  /** A probe while all is well: a few hundred bytes, but for a dozen services. */
  probeCalmMs: 10 * 60_000,
  /** The longest a failing status page is left alone. */
  maxBackoffMs: 30 * 60_000,
} as const;

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

/**
 * How long a status page's last good read stands for it: two calm polls and two minutes,
 * so one slow or failed read never turns a page silent, and a page silent longer is
 * `unknown` — never a stale "operational".
 */
export function staleAfter(calmMs: number = CADENCE.calmMs): number {
  return 2 * calmMs + 2 * 60_000;
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
  if (!isOverloaded(error)) return now + interval;
  const backoff = Math.min(interval * 2 ** Math.max(0, failures - 1), CADENCE.maxBackoffMs);
  // Full jitter between half and the whole backoff, so many browsers do not retry in step.
  const jittered = backoff * (0.5 + random() * 0.5);
  // Retry-After is honoured up to the longest backoff: a page asking for a day's silence
  // would otherwise silence a provider for a day, outage or not.
  const retryAfter = Math.min(error.retryAfterMs ?? 0, CADENCE.maxBackoffMs);
  return now + Math.max(jittered, retryAfter, interval);
}

/**
 * When to probe a target next. While the user has ChatGPT open, OpenAI's probes run as often
 * as its status page is read: that is when a failing API must be seen in minutes.
 */
export function nextProbeDue(now: number, attention: Attention): number {
  if (attention.trouble) return now + CADENCE.troubleMs;
  return now + (attention.watching ? CADENCE.watchingMs : CADENCE.probeCalmMs);
}
