import { browser } from 'wxt/browser';

export const CHECK_ALARM = 'check';

/** Once a minute: Chrome's floor for alarms is 30 s, and status pages cache for about that long. */
const CHECK_PERIOD_MINUTES = 1;

/**
 * Creates the check alarm if missing. Called on every worker start: alarms persist across
 * worker deaths but not across some updates, and re-creating an existing one would reset its
 * timer.
 */
export async function ensureCheckAlarm(): Promise<void> {
  if (!(await browser.alarms.get(CHECK_ALARM))) {
    await browser.alarms.create(CHECK_ALARM, { periodInMinutes: CHECK_PERIOD_MINUTES });
  }
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
