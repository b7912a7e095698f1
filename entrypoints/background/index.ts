import { browser } from 'wxt/browser';
import { createRadar } from '@/utils/check/run-check';
import { CHECK_ALARM, ensureAlarms, PRUNE_ALARM, singleFlight } from '@/utils/check/schedule';
import { observeFieldRequests, recordFieldEvent } from '@/utils/field/background';
import { registerConnectivityWatch } from '@/utils/health/background';
import { pruneDetections, pruneHistory } from '@/utils/history/store';
import { onMessage } from '@/utils/messaging';
import { registerNotificationActions } from '@/utils/notify/background';
import { registerHandoff } from '@/utils/handoff/background';
import { registerSettingsHandlers } from '@/utils/settings/background';
import { registerBannerHandlers } from '@/utils/banner/background';

export default defineBackground(() => {
  const radar = createRadar();
  const check = singleFlight(() => radar.check());
  const checkAll = singleFlight(() => radar.check(true), { rerun: true });

  // Listeners are registered synchronously so an event that wakes the worker is delivered.
  browser.runtime.onInstalled.addListener(() => void checkAll());
  browser.runtime.onStartup.addListener(() => void checkAll());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CHECK_ALARM) void check();
    if (alarm.name === PRUNE_ALARM) {
      void pruneHistory(Date.now()).catch((error) => console.error('history', error));
      void pruneDetections(Date.now()).catch((error) => console.error('history', error));
    }
  });
  registerNotificationActions();
  // The user's own requests to ChatGPT: the earliest signal there is. A request that changes
  // what its product's signal says (quiet/working/failing, or the failures counted while
  // failing) is published at once, and a failure among them makes the radar look at the
  // official page and probes straight away; the 200th healthy request publishes nothing.
  observeFieldRequests((event) => {
    void recordFieldEvent(event)
      .then(async ({ changed }) => {
        if (!changed) return;
        await radar.refresh();
        if (event.outcome === 'failed') await check();
      })
      .catch((error) => console.error('field', error));
  });

  registerSettingsHandlers(radar);
  registerConnectivityWatch({ checkAll, refresh: () => radar.refresh() });

  registerHandoff();
  onMessage('checkNow', () => checkAll());
  registerBannerHandlers();

  void ensureAlarms();
});
