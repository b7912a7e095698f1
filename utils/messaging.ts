import { defineExtensionMessaging } from '@webext-core/messaging';
import type { HealthSnapshot } from './health/types';

/** Commands the UIs send the background worker; state itself travels through storage. */
interface RadarProtocol {
  /** Run a check now; answers with the new snapshot. */
  checkNow(): HealthSnapshot;
  /** Hide the banner for the outage the radar opened at this time (`openedAt`). */
  dismissBanner(openedAt: number): void;
}

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<RadarProtocol>();
