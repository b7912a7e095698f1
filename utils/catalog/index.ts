import { OPENAI } from './openai';
import type { ProductDefinition, ProviderDefinition } from './types';

/** Every provider the radar watches. */
export const PROVIDERS: readonly ProviderDefinition[] = [OPENAI];

/** The product whose page hosts the banner. */
export const CHATGPT_ID = 'chatgpt';

export function findProduct(
  id: string,
): { product: ProductDefinition; provider: ProviderDefinition } | undefined {
  for (const provider of PROVIDERS) {
    const product = provider.products.find((candidate) => candidate.id === id);
    if (product) return { product, provider };
  }
  return undefined;
}
