import { ANTHROPIC } from './anthropic';
import { GOOGLE_CLOUD, GOOGLE_WORKSPACE } from './google';
import { OPENAI } from './openai';
import {
  COHERE,
  DEEPSEEK,
  GITHUB,
  GROQ,
  HUGGING_FACE,
  MICROSOFT,
  MISTRAL,
  PERPLEXITY,
  XAI,
} from './others';
import type { ProductDefinition, ProviderDefinition } from './types';

/** Every provider the radar watches, in the order the popup lists their products. */
export const PROVIDERS: readonly ProviderDefinition[] = [
  OPENAI,
  ANTHROPIC,
  GOOGLE_WORKSPACE,
  GOOGLE_CLOUD,
  GITHUB,
  MICROSOFT,
  MISTRAL,
  PERPLEXITY,
  DEEPSEEK,
  XAI,
  GROQ,
  COHERE,
  HUGGING_FACE,
];

/** The product whose page hosts the banner. */
export const CHATGPT_ID = 'chatgpt';

export function findProduct(
  id: string,
  providers: readonly ProviderDefinition[] = PROVIDERS,
): { product: ProductDefinition; provider: ProviderDefinition } | undefined {
  for (const provider of providers) {
    const product = provider.products.find((candidate) => candidate.id === id);
    if (product) return { product, provider };
  }
  return undefined;
}

// The rest of the catalog's public face, for the pages and the banner.
export { ALTERNATIVES } from './alternatives';
export { BANNER_SITES, OPENAI_SITE_MATCHES, siteForHost } from './openai-sites';
export type { BannerSite, OpenAiSite } from './openai-sites';
export type { Alternative, AlternativeKind, ProductDefinition } from './types';
