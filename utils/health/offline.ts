import type { SourceReads } from '../sources/reads';
import type { ProbeLog } from '../probes/probe-log';

/** "The user seems offline", and since when: one message instead of a list of unknowns. */
export interface OfflineVerdict {
  since: number;
}

/**
 * Whether the user's connection, not the services, is what failed. Either the browser says
 * so (`navigator.onLine === false`), or every status source's last read and every probe's last
 * attempt failed at the network level (no connection, no answer in time — never an HTTP
 * status: a server that answers 503 proves the connection works) with nothing answering in
 * between: they failed as one check, whatever their paces. Pure; `since` is the first failure
 * after the last answer, so it stays put from one check to the next.
 */
export function offlineVerdict(
  reads: SourceReads,
  probes: ProbeLog,
  online: boolean,
  now: number,
): OfflineVerdict | null {
  const attempts: { at: number; networkFailure: boolean }[] = [];
  let lastAnswer = -Infinity;
  for (const read of Object.values(reads)) {
    const networkFailure = read.error?.code === 'network' || read.error?.code === 'timeout';
    attempts.push({ at: read.attemptedAt, networkFailure });
    if (read.okAt !== null) lastAnswer = Math.max(lastAnswer, read.okAt);
    // An HTTP error is an answer too: the server was reached.
    if (read.error && !networkFailure) lastAnswer = Math.max(lastAnswer, read.attemptedAt);
  }
  let firstFailure = Infinity;
  for (const entry of Object.values(probes)) {
    const latest = entry.results.at(-1);
    if (!latest) continue;
    attempts.push({ at: latest.at, networkFailure: latest.cause !== 'status' });
    for (const result of entry.results) {
      if (result.cause === 'status') lastAnswer = Math.max(lastAnswer, result.at);
    }
  }
  for (const entry of Object.values(probes)) {
    for (const result of entry.results) {
      if (result.cause !== 'status' && result.at > lastAnswer) {
        firstFailure = Math.min(firstFailure, result.at);
      }
    }
  }
  for (const attempt of attempts) {
    if (attempt.networkFailure && attempt.at > lastAnswer) {
      firstFailure = Math.min(firstFailure, attempt.at);
    }
  }

  const allFailedTogether =
    attempts.length > 0 &&
    attempts.every((attempt) => attempt.networkFailure && attempt.at > lastAnswer);
  if (allFailedTogether) return { since: Math.min(firstFailure, now) };
  if (!online) return { since: Number.isFinite(firstFailure) ? firstFailure : now };
  return null;
}

/**
 * The last stretch of time in which most probe targets failed at the network level and
 * nothing answered: the user's connection was down, whatever `offlineVerdict` says now. A
 * target whose latest probe failed inside it has not been heard from since the connection
 * came back; its failure says nothing about the service. Without this, the first seconds
 * after reconnecting, while the other probes answer and these have not run yet, would read
 * as a dozen outages. Pure; null when there was no such stretch in the probes kept.
 */
export function blackout(
  probes: ProbeLog,
  minTargets: number,
): { from: number; to: number } | null {
  const events: { at: number; id: string; answered: boolean }[] = [];
  for (const [id, entry] of Object.entries(probes)) {
    for (const result of entry.results) {
      events.push({ at: result.at, id, answered: result.cause === 'status' });
    }
  }
  events.sort((a, b) => a.at - b.at);
  // Walk back from the newest: each stretch between two answers, the latest that qualifies.
  let to = Infinity;
  let failing = new Set<string>();
  let earliest = Infinity;
  for (let index = events.length - 1; index >= -1; index--) {
    const event = events[index];
    if (!event || event.answered) {
      if (failing.size >= minTargets) return { from: earliest, to };
      if (!event) return null;
      to = event.at;
      failing = new Set();
      earliest = Infinity;
      continue;
    }
    failing.add(event.id);
    earliest = event.at;
  }
  return null;
}
