import { askForCheck } from './ask-check';

/**
 * A connection comes back in stages (the link first, then DNS and routes), and the page may
 * hear `online` a moment before the worker's requests can get through: the first check can
 * still fail everywhere. So after `online`, ask for a check, and ask again a little later
 * while the snapshot still says offline; a few tries, then the worker's alarm carries on.
 * Returns the unsubscribe function.
 */
const RETRY_AFTER_MS = [0, 3_000, 10_000];

export function onBackOnline(stillOffline: () => boolean): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const onOnline = () => {
    timers.splice(0).forEach(clearTimeout);
    for (const [attempt, delay] of RETRY_AFTER_MS.entries()) {
      timers.push(
        setTimeout(() => {
          if (attempt === 0 || (stillOffline() && navigator.onLine)) {
            void askForCheck().catch(() => undefined);
          }
        }, delay),
      );
    }
  };
  addEventListener('online', onOnline);
  return () => {
    removeEventListener('online', onOnline);
    timers.splice(0).forEach(clearTimeout);
  };
}
