import { browser } from 'wxt/browser';
import { runCheck } from '@/utils/check/run-check';
import { CHECK_ALARM, ensureAlarms, PRUNE_ALARM, singleFlight } from '@/utils/check/schedule';
import { pruneHistory } from '@/utils/history';
import { onMessage } from '@/utils/messaging';
import { statusPageForNotification } from '@/utils/notify';
import { bannerService } from '@/utils/banner';
import { syncBannerRegistration } from '@/utils/banner-registration';
import { bannerDismissedFor, healthSnapshot } from '@/utils/storage';

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
  onMessage('dismissBanner', async ({ data }) => {
    await bannerDismissedFor.setValue(data);
    await syncBannerRegistration(bannerService(await healthSnapshot.getValue(), data) !== null);
  });

  void ensureAlarms();
});
