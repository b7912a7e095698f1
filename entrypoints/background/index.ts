import { browser } from 'wxt/browser';
import { runCheck } from '@/utils/check/run-check';
import { CHECK_ALARM, ensureAlarms, PRUNE_ALARM, singleFlight } from '@/utils/check/schedule';
import { pruneHistory } from '@/utils/history';
import { onMessage } from '@/utils/messaging';
import { statusPageForNotification } from '@/utils/notify';
import { bannerDismissedFor } from '@/utils/storage';
import { injectBanner } from './inject-banner';

export default defineBackground(() => {
  const check = singleFlight(() => runCheck());

  // Listeners are registered synchronously so an event that wakes the worker is delivered.
  browser.runtime.onInstalled.addListener(() => void check());
  browser.runtime.onStartup.addListener(() => void check());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void check();
    if (alarm.name === PRUNE_ALARM) void pruneHistory(Date.now());
  });
  browser.notifications.onClicked.addListener((id) => {
    const url = statusPageForNotification(id);
    if (url) void browser.tabs.create({ url });
    void browser.notifications.clear(id);
  });

  onMessage('checkNow', () => check());
  onMessage('showBanner', ({ sender }) => injectBanner(sender));
  onMessage('dismissBanner', ({ data }) => bannerDismissedFor.setValue(data));

  void ensureAlarms();
});
