import { browser } from 'wxt/browser';
import { pruneDetections, pruneHistory } from './store';

export const PRUNE_ALARM = 'prune-history';

/**
 * Once a day, forgets the checks older than a week and the detections older than 90 days.
 * The alarm is created if missing on every worker start: alarms persist across worker deaths
 * but not across some updates, and re-creating an existing one would reset its timer.
 */
export function registerHistoryPruning(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== PRUNE_ALARM) return;
    void pruneHistory(Date.now()).catch((error) => console.error('history', error));
    void pruneDetections(Date.now()).catch((error) => console.error('history', error));
  });
  void (async () => {
    if (!(await browser.alarms.get(PRUNE_ALARM))) {
      await browser.alarms.create(PRUNE_ALARM, { periodInMinutes: 24 * 60 });
    }
  })().catch((error) => console.error('history', error));
}
