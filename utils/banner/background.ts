import { syncBanners } from './registration';
import { snoozeOf, storeSnooze } from './snooze';
import { onMessage } from '../messaging';
import { settings } from '../settings/settings';
import { BANNER_SITES } from '../catalog/openai-sites';
import { healthSnapshot } from '../health/store';

/**
 * The worker's side of the banner's requests. Registered synchronously in the background's
 * main, like every listener, so a message that wakes the worker is answered. A snooze is
 * stored, then the registrations follow at once: the snoozed site's script is unregistered
 * (the banners on its pages leave by themselves, watching the snoozes).
 */
export function registerBannerHandlers(): void {
  const resync = async () => syncBanners(await healthSnapshot.getValue(), Date.now());
  onMessage('snoozeBanner', async ({ data }) => {
    // Only a well-formed request is stored: the sender is a content script on a page.
    if (
      !BANNER_SITES.includes(data?.site) ||
      (data.for !== 'hour' && data.for !== 'outage') ||
      !Number.isFinite(data.openedAt)
    )
      return;
    await storeSnooze(data.site, snoozeOf(data, Date.now()));
    await resync();
  });
  // Turning the banner off (or back on) in the options takes effect on the sites at once.
  settings.watch(() => void resync().catch((error) => console.error('banner', error)));
  // A banner from before snoozes per site asks this: ChatGPT's banner, until recovery.
  onMessage('dismissBanner', async ({ data }) => {
    if (!Number.isFinite(data)) return;
    await storeSnooze('chatgpt', { openedAt: data });
    await resync();
  });
}
