import { defineExtensionMessaging } from '@webext-core/messaging';
import type { HealthSnapshot } from './health/types';
import type { BannerSite } from './settings/settings';
import type { SourceRef } from './sources';

/** How an alternative was opened with the user's prompt (the banner says so). */
export type HandoffOutcome =
  /** Opened with a fill-don't-send URL: the prompt is typed there, not sent. */
  | 'url'
  /** Opened; our script types the prompt into its composer (access to the site was granted). */
  | 'fill'
  /** A page of ours asks for access to the site first; the prompt waits in session storage. */
  | 'ask'
  /** Opened as is: the prompt is on the clipboard only (or there was none). */
  | 'clipboard';

/** What a status page URL turned out to be, for the options page. */
export type StatusPageDetection =
  | { ok: true; source: SourceRef; name: string; state: string }
  | { ok: false; reason: 'permission' | 'not_found' | 'invalid_url' };

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
  /** Which of our formats a status page URL speaks (read by the worker, not the page). */
  detectStatusPage(url: string): StatusPageDetection;
  /** Forget every recorded check and outage (IndexedDB is the worker's to write). */
  clearHistory(): void;
}

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<RadarProtocol>();
