import type { SourceRef } from '../sources';

export type ProductCategory = 'chat' | 'image' | 'video' | 'api' | 'code';

/** Which of a status page's components make up one product users know. */
export interface ComponentMatcher {
  /** Components listed under a group of one of these names (case-insensitive). */
  groups?: readonly string[];
  /** Components whose own name matches one of these. */
  names?: readonly RegExp[];
}

/** A product users know by name (ChatGPT, Sora...): the unit the radar gives a verdict on. */
export interface ProductDefinition {
  id: string;
  /** A brand name, the same in every language. */
  name: string;
  category: ProductCategory;
  homeUrl: string;
  match: ComponentMatcher;
}

/** A provider publishes one status page that covers several products. */
export interface ProviderDefinition {
  id: string;
  name: string;
  /** The human page, linked from the popup and the banner. */
  statusPageUrl: string;
  /** Machine-readable sources of that page, best first; the rest are fallbacks. */
  sources: readonly SourceRef[];
  products: readonly ProductDefinition[];
}

/** Somewhere to go when ChatGPT is down. */
export interface Alternative {
  id: string;
  name: string;
  homeUrl: string;
  /** A URL that opens the alternative with the prompt already typed, where it has one. */
  promptUrl?: (prompt: string) => string;
}
