import { defineExtensionMessaging } from '@webext-core/messaging';
import type { HealthSnapshot } from './health/types';
import type { BannerSite } from './catalog/openai-sites';
import type { StatusPageDetection } from './custom-pages/detect';
import type { HandoffOutcome } from './handoff/plan';

/** Commands the UIs send the background worker; state itself travels through storage. */
interface RadarProtocol {
  /** Run a check now; answers with the new snapshot. */
  checkNow(): HealthSnapshot;
  /** Hide the banner for the outage the radar opened at this time (`openedAt`). */
  dismissBanner(openedAt: number): void;
  /** Snooze a site's banner: for an hour, or until this outage (`openedAt`) is over. */
  snoozeBanner(data: { site: BannerSite; openedAt: number; for: 'hour' | 'outage' }): void;
  /**
   * Open an alternative with the user's prompt (read from the composer on their click). The
   * banner has put it on the clipboard already; the worker picks the way (see HandoffOutcome).
   */
  openAlternative(data: { alternativeId: string; prompt: string }): HandoffOutcome;
  /** The handoff page got access to the alternative's site: open it and fill the prompt. */
  handoffGranted(token: string): HandoffOutcome;
  /** A page of an alternative loaded in the sender's tab (the arrival script): type its prompt. */
  promptPageLoaded(): void;
  /** Which of our formats a status page URL speaks (read by the worker, not the page). */
  detectStatusPage(url: string): StatusPageDetection;
  /** Forget every recorded check and outage (IndexedDB is the worker's to write). */
  clearHistory(): void;
}

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<RadarProtocol>();
