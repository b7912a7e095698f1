import { browser } from 'wxt/browser';
import { CHATGPT_MATCHES } from './chatgpt-pages';

const BANNER_SCRIPT_ID = 'outage-banner';
const BANNER_SCRIPT = '/content-scripts/banner.js';

/**
 * Puts the banner on ChatGPT pages only while there is an outage to show: the banner's
 * content script is registered when the outage starts (and injected into the ChatGPT tabs
 * already open), and unregistered when it ends or is dismissed. While all is well, no code of
 * ours runs on ChatGPT at all. Banners already on a page follow the snapshot and leave by
 * themselves.
 */
export async function syncBannerRegistration(show: boolean): Promise<void> {
  const registered =
    (await browser.scripting.getRegisteredContentScripts({ ids: [BANNER_SCRIPT_ID] })).length > 0;
  if (show === registered) return;
  if (!show) {
    await browser.scripting.unregisterContentScripts({ ids: [BANNER_SCRIPT_ID] });
    return;
  }
  await browser.scripting.registerContentScripts([
    { id: BANNER_SCRIPT_ID, matches: CHATGPT_MATCHES, js: [BANNER_SCRIPT], runAt: 'document_idle' },
  ]);
  // Host permissions for these pages let us find their tabs without the "tabs" permission.
  const tabs = await browser.tabs.query({ url: CHATGPT_MATCHES });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting
            .executeScript({ target: { tabId: tab.id }, files: [BANNER_SCRIPT] })
            // A tab still loading or showing an error page cannot take a script; it gets the
            // registered one when it loads.
            .catch(() => undefined),
    ),
  );
}
