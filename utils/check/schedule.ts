import { browser } from 'wxt/browser';
import { LONGEST_CALM_MS } from '../cadence/cadence';

export const CHECK_ALARM = 'check';

/**
 * The check alarm's period: a safety net only. Each check sets the next one for when
 * something falls due (`scheduleCheck`); if a worker dies before it could, this wakes the next.
 */
const SAFETY_PERIOD_MINUTES = Math.ceil(LONGEST_CALM_MS / 60_000) + 1;

/**
 * Creates the check alarm if missing, a minute from now. Called on every worker start: alarms
 * persist across worker deaths but not across some updates, and re-creating an existing one
 * would reset its timer.
 */
export async function ensureCheckAlarm(): Promise<void> {
  if (!(await browser.alarms.get(CHECK_ALARM))) {
    await browser.alarms.create(CHECK_ALARM, {
      delayInMinutes: 1,
      periodInMinutes: SAFETY_PERIOD_MINUTES,
    });
  }
}

/**
 * Sets the next check for `at` (epoch ms). Chrome fires an alarm 30 s after it is set at the
 * earliest; the radar never asks for less than a minute.
 */
export async function scheduleCheck(at: number): Promise<void> {
  const current = await browser.alarms.get(CHECK_ALARM);
  // Within a few seconds of what is set already: leave it (no churn on every request).
  if (current && Math.abs(current.scheduledTime - at) < 5_000) return;
  await browser.alarms.create(CHECK_ALARM, { when: at, periodInMinutes: SAFETY_PERIOD_MINUTES });
}

/**
 * Wraps a task so that calls made while it runs share its result: an alarm and a "Check now"
 * click at the same moment make one check, not two. Memory-only on purpose: losing it when the
 * worker dies loses nothing.
 *
 * With `rerun`, a call made while the task runs is answered by one more run after it (calls
 * made meanwhile share that one): the run under way read the pages before the call, and a
 * user who clicks "Check now" wants what the pages say now, not a moment ago.
 */
export function singleFlight<T>(
  task: () => Promise<T>,
  { rerun = false }: { rerun?: boolean } = {},
): () => Promise<T> {
  let running: Promise<T> | undefined;
  let next: Promise<T> | undefined;
  const start = () =>
    (running = task().finally(() => {
      running = undefined;
    }));
  return () => {
    if (!running) return start();
    if (!rerun) return running;
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return running ?? start();
      });
    return next;
  };
}
