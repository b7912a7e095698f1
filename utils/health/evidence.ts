import type { Reason, ServiceHealth } from './types';

/** The radar's own evidence, which the banner shows when the official page has no incident. */
const OWN_EVIDENCE = new Set([
  'reason_fieldFailing',
  'reason_fieldSendsFailing',
  'reason_fieldLimited',
  'reason_probeFailing',
  'reason_probeSlow',
  'reason_officialLagging',
]);

/**
 * Why a service is in trouble when no official incident says so: the user's failing requests, our
 * probe, and that the official page is silent. Empty when the official incident tells it.
 */
export function ownEvidence(service: ServiceHealth): Reason[] {
  if (service.incidents.length > 0) return [];
  return service.reasons.filter((reason) => OWN_EVIDENCE.has(reason.key));
}
