import type { SourceReport, SourceResult, SourceError } from './types';

/**
 * How a status page groups its components, as last read from a source that knows
 * (incident.io's native feed): component id → group name; a component it does not name sits
 * in no group. Which components make up "ChatGPT" comes from here, not from code: OpenAI adds
 * and moves components every few months.
 */
export interface ComponentLayout {
  groupOf: Record<string, string>;
  readAt: number;
}

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
  /**
   * The page's layout from the last grouped read, kept across flat ones (incident.io's
   * Statuspage-compatible JSON) and failures; null until a grouped source has answered.
   */
  layout: ComponentLayout | null;
}

/** Every provider's source read, by provider id. */
export type SourceReads = Record<string, SourceRead>;

/**
 * Folds one attempt's result into what is remembered of the source, due again at once: the
 * scheduler sets `nextDueAt` from the failures this returns.
 */
export function recordRead(
  before: SourceRead | undefined,
  result: SourceResult,
  at: number,
): SourceRead {
  const nextDueAt = at;
  const layout = before?.layout ?? null;
  if (result.ok) {
    return {
      attemptedAt: at,
      report: result.value,
      okAt: at,
      error: null,
      failures: 0,
      nextDueAt,
      layout: result.value.grouped ? layoutOf(result.value, at) : layout,
    };
  }
  return {
    attemptedAt: at,
    report: before?.report ?? null,
    okAt: before?.okAt ?? null,
    error: result.error,
    failures: (before?.failures ?? 0) + 1,
    nextDueAt,
    layout,
  };
}

/** The layout a grouped report shows. `fromEntries`: an id of "__proto__" stays a plain key. */
function layoutOf(report: SourceReport, at: number): ComponentLayout {
  return {
    groupOf: Object.fromEntries(
      report.components.flatMap(({ id, group }) => (group ? [[id, group]] : [])),
    ),
    readAt: at,
  };
}
