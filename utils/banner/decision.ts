import { ALTERNATIVES } from '../catalog/alternatives';
import { OPENAI } from '../catalog/openai';
import type { Alternative, AlternativeKind } from '../catalog/types';
import { type BannerSnoozes, isSnoozed } from './snooze';
import { OPENAI_SITES, type OpenAiSite } from '../catalog/openai-sites';
import { type BannerSite, type Settings, userOrder } from '../settings/settings';
import { isHealthy, isTrouble } from '../core/states';
import type { HealthSnapshot, Reason, ServiceHealth } from '../health/types';

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

/**
 * The alternatives of one kind to offer now (chat for ChatGPT, video for Sora, api for the
 * API): those in trouble are left out, the ones known to work come first, then those we
 * cannot vouch for (unknown); within each, the user's preferred ones first in their order,
 * then the catalog's order.
 */
export function rankAlternatives(
  snapshot: HealthSnapshot | null,
  kind: AlternativeKind,
  preferred: readonly string[] = [],
): Alternative[] {
  const stateOf = (alternative: Alternative) =>
    snapshot?.services.find((service) => service.id === alternative.productId)?.state ?? 'unknown';
  const usable = userOrder(
    ALTERNATIVES.filter((alternative) => alternative.kind === kind),
    preferred,
    (alternative) => alternative.id,
  ).filter((alternative) => !isTrouble(stateOf(alternative)));
  return [
    ...usable.filter((alternative) => isHealthy(stateOf(alternative))),
    ...usable.filter((alternative) => !isHealthy(stateOf(alternative))),
  ];
}

/** The radar's own evidence, which the banner shows when the official page has no incident. */
const OWN_EVIDENCE = new Set([
  'reason_fieldFailing',
  'reason_probeFailing',
  'reason_probeSlow',
  'reason_officialLagging',
]);

/**
 * Why the banner is up when no official incident says so: the user's failing requests, our
 * probe, and that the official page is silent. Empty when the official incident tells it.
 */
export function bannerEvidence(service: ServiceHealth): Reason[] {
  if (service.incidents.length > 0) return [];
  return service.reasons.filter((reason) => OWN_EVIDENCE.has(reason.key));
}
