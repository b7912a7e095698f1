import { browser } from 'wxt/browser';
import { clear } from 'idb-keyval';
import { detectionStore, historyStore } from '../history/store';
import { onMessage } from '../messaging';
import { settings } from './settings';
import { detectStatusPage } from '../custom-pages/detect';

/**
 * The worker's side of the user's settings, registered synchronously in the background's
 * main: a change (saved by the options or first-run page, or synced from another device)
 * starts a check at once, so the popup reflects it. The check is the radar's ordinary one,
 * not a forced one: it rebuilds the provider list from the settings, reads only what is due
 * (a page just added has never been read, so it is), and republishes without the services
 * just hidden. Not the single-flight one either: a check already under way read the old
 * settings, and this one must read the new.
 */
export function registerSettingsHandlers(radar: { check(): Promise<unknown> }): void {
  settings.watch(() => {
    void radar.check().catch((error) => console.error('settings', error));
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First install only: an update or a browser update must not open a tab.
    if (reason === 'install') {
      void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    }
  });
  onMessage('detectStatusPage', ({ data }) => detectStatusPage(data));
  onMessage('clearHistory', async () => {
    await Promise.all([clear(historyStore()), clear(detectionStore())]);
  });
}
