import { browser, type Browser } from 'wxt/browser';

/**
 * Injects the banner's UI (a runtime-registered content script) into the frame that asked.
 * Only the small watcher runs on every ChatGPT page; the banner's code loads only when there
 * is an outage to show.
 */
export async function injectBanner(sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: ['/content-scripts/banner.js'],
  });
}
