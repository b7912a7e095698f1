import { OPENAI } from '../catalog/openai';
import { type BannerSnoozes, isSnoozed } from './snooze';
import { OPENAI_SITES, type OpenAiSite } from '../catalog/openai-sites';
import type { Settings } from '../settings/types';
import type { BannerSite } from '../catalog/openai-sites';
import { isTrouble } from '../core/states';
import type { HealthSnapshot, ServiceHealth } from '../health/types';

/**
 * OpenAI's status page (ChatGPT's, Sora's and the API's) as the catalog (code, not storage) knows it: the only origin the
 * banner's incident and status links may point to, and where they lead when one does not.
 */
export const BANNER_STATUS_PAGE_URL = OPENAI.statusPageUrl;

/**
 * The verdict a site's banner should show (the product that site serves, while it is in
 * trouble and the user has not snoozed it there), or null when it should not show.
 */
export function bannerService(
  snapshot: HealthSnapshot | null,
  site: OpenAiSite,
  snoozes: BannerSnoozes,
  now: number,
): ServiceHealth | null {
  const service = snapshot?.services.find(({ id }) => id === site.productId);
  if (!service || !isTrouble(service.state)) return null;
  if (isSnoozed(snoozes[site.id], service.openedAt, now)) return null;
  return service;
}

/** Whether the user lets the banner show on this site (settings: banner on, and this site). */
export const bannerAllowed = (settings: Settings, site: OpenAiSite) =>
  settings.banner.enabled && settings.banner.sites[site.id];

/** The sites whose banner should be on their pages now: allowed, in trouble, not snoozed. */
export function bannerSites(
  snapshot: HealthSnapshot | null,
  settings: Settings,
  snoozes: BannerSnoozes,
  now: number,
): Set<BannerSite> {
  return new Set(
    OPENAI_SITES.filter(
      (site) => bannerAllowed(settings, site) && bannerService(snapshot, site, snoozes, now),
    ).map((site) => site.id),
  );
}
