import { describe, expect, it } from 'vitest';
import { findProduct, PROVIDERS } from '@/utils/catalog';
import { ALTERNATIVES } from '@/utils/catalog/alternatives';
import { catalogHostPermissions } from '@/utils/catalog/hosts';

const products = PROVIDERS.flatMap((provider) => provider.products);

describe('the catalog', () => {
  it('covers the AI services people switch between', () => {
    expect(products.length).toBeGreaterThanOrEqual(15);
    expect(products.map((product) => product.name)).toEqual(
      expect.arrayContaining([
        'ChatGPT',
        'Sora',
        'OpenAI API',
        'Codex',
        'Claude',
        'Claude API',
        'Claude Code',
        'Gemini',
        'Gemini API',
        'GitHub Copilot',
        'Microsoft Copilot',
        'Le Chat',
        'Perplexity',
        'DeepSeek',
        'Grok',
        'Groq',
        'Cohere',
        'Hugging Face',
      ]),
    );
  });

  it('gives every product a unique id and at least one signal: a status source or a probe', () => {
    expect(new Set(products.map((product) => product.id)).size).toBe(products.length);
    for (const provider of PROVIDERS) {
      for (const product of provider.products) {
        const hasOfficial = provider.sources.length > 0 && product.match !== undefined;
        expect({ id: product.id, signal: hasOfficial || product.probe !== undefined }).toEqual({
          id: product.id,
          signal: true,
        });
      }
    }
  });

  it('uses https everywhere and links each alternative to a catalog product that can stand in for chat', () => {
    for (const provider of PROVIDERS) {
      expect(provider.statusPageUrl).toMatch(/^https:\/\//);
      for (const product of provider.products) {
        expect(product.homeUrl).toMatch(/^https:\/\//);
        if (product.probe) expect(product.probe.url).toMatch(/^https:\/\//);
      }
    }
    for (const alternative of ALTERNATIVES) {
      expect(findProduct(alternative.productId)?.product.standsInFor).toContain(alternative.kind);
    }
  });

  it('derives the host permissions from the sources and probes, and nothing else', () => {
    const hosts = catalogHostPermissions(PROVIDERS);
    expect(hosts).toContain('https://status.openai.com/*');
    expect(hosts).toContain('https://status.cloud.google.com/*');
    expect(hosts).toContain('https://api.anthropic.com/*');
    // A feed on a big site asks for its folder only, not the whole site.
    expect(hosts).toContain('https://www.google.com/appsstatus/dashboard/*');
    expect(hosts).not.toContain('https://www.google.com/*');
    expect(hosts.every((host) => /^https:\/\/[a-z0-9.-]+\/([a-z0-9-]+\/)*\*$/.test(host))).toBe(
      true,
    );
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});
