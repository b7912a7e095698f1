import type { SourceReport, SourceResult, SourceError } from '../sources/types';

/**
 * What the worker remembers of one provider's status source between checks (the worker
 * dies between them): the last good report, the last error, and when to read it next.
 */
export interface SourceRead {
  /** The last attempt, good or bad. */
  attemptedAt: number;
  /** The last good report, kept so a failed read can stand on it for a while. */
  report: SourceReport | null;
  okAt: number | null;
  /** The last attempt's error; null when it succeeded. */
  error: SourceError | null;
  /** Failed attempts in a row, for backoff. */
  failures: number;
  /** When the scheduler should read it again. */
  nextDueAt: number;
}

/** Every provider's source read, by provider id. */
export type SourceReads = Record<string, SourceRead>;

/**
 * Folds one attempt's result into what is remembered of the source. `nextDueAt` defaults to
 * now: the scheduler sets it from the failures this returns.
 */
export function recordRead(
  before: SourceRead | undefined,
  result: SourceResult,
  at: number,
  nextDueAt: number = at,
): SourceRead {
  if (result.ok) {
    return { attemptedAt: at, report: result.value, okAt: at, error: null, failures: 0, nextDueAt };
  }
  return {
    attemptedAt: at,
    report: before?.report ?? null,
    okAt: before?.okAt ?? null,
    error: result.error,
    failures: (before?.failures ?? 0) + 1,
    nextDueAt,
  };
}
