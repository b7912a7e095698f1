import { findProduct, PROVIDERS } from '../catalog';
import type { ProviderDefinition } from '../catalog/types';
import type { CustomStatusPage, Settings } from '../settings/types';

/** The provider (and product) id of a status page the user added: never a catalog id. */
export const customId = (page: Pick<CustomStatusPage, 'id'>) => `custom:${page.id}`;

/**
 * A status page the user added, as a provider of one product: the whole page is that product
 * (its overall state and every incident count), read with the adapter its format detected.
 * Its category is `api`: a page added by URL is most often a service or API the user builds
 * on, and nothing stands in for it or is offered instead of it (`standsInFor` is empty).
 */
export function customProvider(page: CustomStatusPage): ProviderDefinition {
  const id = customId(page);
  return {
    id,
    name: page.name,
    statusPageUrl: page.pageUrl,
    sources: [page.source],
    products: [
      {
        id,
        name: page.name,
        category: 'api',
        homeUrl: page.pageUrl,
        match: { wholePage: true },
        standsInFor: [],
      },
    ],
  };
}

/**
 * What the radar watches for this user: the catalog without the products they hid (a
 * provider left with none is not read at all, nor are its probes run), then their own pages.
 * Built anew for every check, so a change in the options holds from the next one.
 */
export function providersFor(
  settings: Pick<Settings, 'hiddenServices' | 'customPages'>,
  catalog: readonly ProviderDefinition[] = PROVIDERS,
): ProviderDefinition[] {
  const hidden = new Set(settings.hiddenServices);
  const watched = (provider: ProviderDefinition): ProviderDefinition[] => {
    const products = provider.products.filter((product) => !hidden.has(product.id));
    if (products.length === 0) return [];
    return [products.length === provider.products.length ? provider : { ...provider, products }];
  };
  return [...catalog, ...settings.customPages.map(customProvider)].flatMap(watched);
}

/**
 * The status page of a catalog product, or of a page the user added (`custom:<id>`), from
 * code and validated settings only: never a URL read from the snapshot.
 */
export function statusPageOf(
  serviceId: string,
  settings: Pick<Settings, 'customPages'>,
): string | undefined {
  const known = findProduct(serviceId)?.provider.statusPageUrl;
  if (known) return known;
  return settings.customPages.find((page) => customId(page) === serviceId)?.pageUrl;
}
