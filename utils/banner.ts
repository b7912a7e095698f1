import { CHATGPT_ID } from './catalog';
import { ALTERNATIVES } from './catalog/alternatives';
import { OPENAI } from './catalog/openai';
import type { Alternative } from './catalog/types';
import { isHealthy, isTrouble } from './health/states';
import type { HealthSnapshot, Reason, ServiceHealth } from './health/types';

/**
 * ChatGPT's status page as the catalog (code, not storage) knows it: the only origin the
 * banner's incident and status links may point to, and where they lead when one does not.
 */
export const BANNER_STATUS_PAGE_URL = OPENAI.statusPageUrl;

/** The ChatGPT verdict the banner should show, or null when it should not show. */
export function bannerService(
  snapshot: HealthSnapshot | null,
  dismissedFor: number | null,
): ServiceHealth | null {
  const chatgpt = snapshot?.services.find((service) => service.id === CHATGPT_ID);
  if (!chatgpt || !isTrouble(chatgpt.state)) return null;
  if (chatgpt.openedAt !== null && chatgpt.openedAt === dismissedFor) return null;
  return chatgpt;
}

/**
 * The alternatives to offer now: those in trouble are left out, the ones known to work come
 * first, then those we cannot vouch for (unknown), in the catalog's order within each.
 */
export function rankAlternatives(
  snapshot: HealthSnapshot | null,
  alternatives: readonly Alternative[] = ALTERNATIVES.filter(({ kind }) => kind === 'chat'),
): Alternative[] {
  const stateOf = (alternative: Alternative) =>
    snapshot?.services.find((service) => service.id === alternative.productId)?.state ?? 'unknown';
  const usable = alternatives.filter((alternative) => !isTrouble(stateOf(alternative)));
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
