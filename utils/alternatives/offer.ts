import { ALTERNATIVES } from '../catalog/alternatives';
import { OPENAI_SITES } from '../catalog/openai-sites';
import type { Alternative, AlternativeKind } from '../catalog/types';
import { isHealthy, isTrouble } from '../core/states';
import type { ServiceHealth } from '../health/types';
import { userOrder } from '../settings/order';

/** What stands in for a product: its OpenAI site's kind, else its own category when one fits. */
function alternativeKindOf(service: ServiceHealth): AlternativeKind | null {
  const site = OPENAI_SITES.find((candidate) => candidate.productId === service.id);
  if (site) return site.kind;
  const { category } = service;
  return category === 'chat' || category === 'video' || category === 'api' ? category : null;
}

/**
 * The one rule for which alternatives to offer, shared by the banner and the notifications:
 * those of one kind (chat for ChatGPT, video for Sora, api for the API), never one whose
 * product is in trouble or is among those the offer is about (`about`); the ones known to work
 * first, then those we cannot vouch for (unknown); within each, the user's preferred ones first
 * in their order, then the catalog's order.
 */
export function offerAlternatives(
  services: readonly ServiceHealth[],
  kind: AlternativeKind,
  preferred: readonly string[] = [],
  about: readonly string[] = [],
): Alternative[] {
  const stateOf = (alternative: Alternative) =>
    services.find((service) => service.id === alternative.productId)?.state ?? 'unknown';
  const usable = userOrder(
    ALTERNATIVES.filter((alternative) => alternative.kind === kind),
    preferred,
    (alternative) => alternative.id,
  ).filter(
    (alternative) => !about.includes(alternative.productId) && !isTrouble(stateOf(alternative)),
  );
  return [
    ...usable.filter((alternative) => isHealthy(stateOf(alternative))),
    ...usable.filter((alternative) => !isHealthy(stateOf(alternative))),
  ];
}

/**
 * The alternative a notification's button opens for `troubled`: the first one
 * `offerAlternatives` gives for the kind of the first of them. Null when none.
 */
export function bestAlternative(
  troubled: readonly ServiceHealth[],
  services: readonly ServiceHealth[],
  preferred: readonly string[],
): Alternative | null {
  const kind = troubled[0] ? alternativeKindOf(troubled[0]) : null;
  if (!kind) return null;
  const about = troubled.map(({ id }) => id);
  return offerAlternatives(services, kind, preferred, about)[0] ?? null;
}
