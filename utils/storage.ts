import { storage } from 'wxt/utils/storage';
import type { HealthSnapshot } from './health/types';

/** The latest health snapshot; written only by the background worker, read by every UI. */
export const healthSnapshot = storage.defineItem<HealthSnapshot | null>('local:healthSnapshot', {
  fallback: null,
  version: 1,
});

/**
 * The ChatGPT outage the user dismissed the banner for, by the time it began: the banner stays
 * away for that outage and comes back for the next. Written by the worker on request.
 */
export const bannerDismissedFor = storage.defineItem<number | null>('local:bannerDismissedFor', {
  fallback: null,
  version: 1,
});
