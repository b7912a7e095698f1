import { findProduct } from '../catalog';
import { ALTERNATIVES } from '../catalog/alternatives';
import type { Alternative, AlternativeKind } from '../catalog/types';
import { isHealthy, isTrouble } from '../core/states';
import type { ServiceHealth } from '../health/types';
import { OPENAI_SITES } from '../catalog/openai-sites';
import { userOrder, type Settings } from '../settings/settings';

/** What stands in for a product: its OpenAI site's kind, else its own category when one fits. */
export function alternativeKindOf(service: ServiceHealth): AlternativeKind | null {
  const site = OPENAI_SITES.find((candidate) => candidate.productId === service.id);
  if (site) return site.kind;
  const { category } = service;
  return category === 'chat' || category === 'video' || category === 'api' ? category : null;
}

/**
 * The alternative a notification's button opens for `troubled`: of the same kind, the
 * user's preferred ones first, never one whose product is in trouble (or is one of those the
 * notification is about); one known to work before one we cannot vouch for. Null when none.
 */
export function bestAlternative(
  troubled: readonly ServiceHealth[],
  services: readonly ServiceHealth[],
  preferred: Settings['preferredAlternatives'],
): Alternative | null {
  const first = troubled[0];
  const kind = first ? alternativeKindOf(first) : null;
  if (!kind) return null;
  const about = new Set(troubled.map(({ id }) => id));
  const stateOf = (alternative: Alternative) =>
    services.find((service) => service.id === alternative.productId)?.state ?? 'unknown';
  const usable = userOrder(
    ALTERNATIVES.filter((alternative) => alternative.kind === kind),
    preferred,
    (alternative) => alternative.id,
  ).filter((alternative) => !about.has(alternative.productId) && !isTrouble(stateOf(alternative)));
  return usable.find((alternative) => isHealthy(stateOf(alternative))) ?? usable[0] ?? null;
}

/**
 * The status page of a catalog product, or of a page the user added (`custom:<id>`), from
 * code and validated settings only: never a URL read from the snapshot.
 */
export function statusPageOf(serviceId: string, settings: Pick<Settings, 'customPages'>) {
  const known = findProduct(serviceId)?.provider.statusPageUrl;
  if (known) return known;
  const custom = serviceId.startsWith('custom:') ? serviceId.slice('custom:'.length) : null;
  return settings.customPages.find((page) => page.id === custom)?.pageUrl;
}
