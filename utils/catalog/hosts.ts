import { sourceOrigin, type SourceRef } from '../sources';
import type { ProviderDefinition } from './types';

/**
 * The match pattern a source needs. A status platform serves several endpoints under its
 * host; a single feed needs only its own folder, so a feed on a big site (Google's Workspace
 * status under www.google.com) asks for that folder, not the whole site.
 */
function sourcePattern(source: SourceRef): string {
  if ('baseUrl' in source) return `${sourceOrigin(source)}/*`;
  const { pathname } = new URL(source.url);
  return `${sourceOrigin(source)}${pathname.slice(0, pathname.lastIndexOf('/') + 1)}*`;
}

/**
 * The host permissions the catalog needs: each status source and each probe target. Derived,
 * so adding a provider to the catalog is the only change, and no host is asked for that
 * nothing reads.
 */
export function catalogHostPermissions(providers: readonly ProviderDefinition[]): string[] {
  const patterns = providers.flatMap((provider) => [
    // A source that answers any origin (CORS) needs no host permission: least privilege.
    ...provider.sources.filter((source) => !source.cors).map(sourcePattern),
    ...provider.products.flatMap((product) =>
      product.probe ? [`${new URL(product.probe.url).origin}/*`] : [],
    ),
  ]);
  return [...new Set(patterns)].sort();
}
