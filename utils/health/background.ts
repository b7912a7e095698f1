/**
 * The worker's side of "offline is one message": when the browser says the connection is
 * back, look again at once (a full check, not the next alarm); when it says the connection is
 * gone, republish so the snapshot says "offline" without waiting for every check to fail.
 * Registered synchronously in the background's main, like every listener. A worker asleep
 * when the connection returns hears nothing, and Chromium's extension service worker was not
 * seen to receive these events at all (headless, network emulation; a background page does):
 * the open popup asks for a check on `online` (entrypoints/popup/back-online.ts), and the
 * next alarm retries everything while the snapshot says offline (utils/check/run-check.ts).
 */
export function registerConnectivityWatch(radar: {
  checkAll: () => Promise<unknown>;
  refresh: () => Promise<unknown>;
}): void {
  globalThis.addEventListener?.('online', () => {
    radar.checkAll().catch((error) => console.error('online', error));
  });
  globalThis.addEventListener?.('offline', () => {
    radar.refresh().catch((error) => console.error('offline', error));
  });
}
