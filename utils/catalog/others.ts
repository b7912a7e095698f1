import type { ProviderDefinition } from './types';

/*
 * Providers with one product each. Where a provider publishes no machine-readable status
 * (Microsoft Copilot, Mistral, DeepSeek in 2026: behind bot challenges or none at all), the
 * probe is the signal; `statusPageUrl` then points where a person would look.
 */

export const GITHUB: ProviderDefinition = {
  id: 'github',
  name: 'GitHub',
  statusPageUrl: 'https://www.githubstatus.com',
  sources: [{ format: 'statuspage', baseUrl: 'https://www.githubstatus.com' }],
  products: [
    {
      id: 'github-copilot',
      name: 'GitHub Copilot',
      category: 'code',
      homeUrl: 'https://github.com/copilot',
      match: { names: [/^copilot$/i] },
      standsInFor: ['code'],
    },
  ],
};

export const MICROSOFT: ProviderDefinition = {
  id: 'microsoft',
  name: 'Microsoft',
  statusPageUrl: 'https://copilot.microsoft.com',
  sources: [],
  products: [
    {
      id: 'microsoft-copilot',
      name: 'Microsoft Copilot',
      category: 'chat',
      homeUrl: 'https://copilot.microsoft.com',
      probe: { url: 'https://copilot.microsoft.com/' },
      standsInFor: ['chat', 'image'],
    },
  ],
};

export const MISTRAL: ProviderDefinition = {
  id: 'mistral',
  name: 'Mistral AI',
  statusPageUrl: 'https://status.mistral.ai',
  sources: [],
  products: [
    {
      id: 'le-chat',
      name: 'Le Chat',
      category: 'chat',
      homeUrl: 'https://chat.mistral.ai',
      probe: { url: 'https://api.mistral.ai/v1/models' },
      standsInFor: ['chat', 'api'],
    },
  ],
};

export const PERPLEXITY: ProviderDefinition = {
  id: 'perplexity',
  name: 'Perplexity',
  statusPageUrl: 'https://status.perplexity.com',
  sources: [{ format: 'instatus', baseUrl: 'https://status.perplexity.com' }],
  products: [
    {
      id: 'perplexity',
      name: 'Perplexity',
      category: 'chat',
      homeUrl: 'https://www.perplexity.ai',
      match: { wholePage: true },
      standsInFor: ['chat'],
    },
  ],
};

export const DEEPSEEK: ProviderDefinition = {
  id: 'deepseek',
  name: 'DeepSeek',
  statusPageUrl: 'https://status.deepseek.com',
  sources: [],
  products: [
    {
      id: 'deepseek',
      name: 'DeepSeek',
      category: 'chat',
      homeUrl: 'https://chat.deepseek.com',
      probe: { url: 'https://api.deepseek.com/v1/models' },
      standsInFor: ['chat', 'api'],
    },
  ],
};

export const XAI: ProviderDefinition = {
  id: 'xai',
  name: 'xAI',
  statusPageUrl: 'https://status.x.ai',
  sources: [{ format: 'feed', url: 'https://status.x.ai/feed.xml' }],
  products: [
    {
      id: 'grok',
      name: 'Grok',
      category: 'chat',
      homeUrl: 'https://grok.com',
      match: { wholePage: true },
      probe: { url: 'https://api.x.ai/v1/models' },
      standsInFor: ['chat', 'api'],
    },
  ],
};

export const GROQ: ProviderDefinition = {
  id: 'groq',
  name: 'Groq',
  statusPageUrl: 'https://groqstatus.com',
  sources: [{ format: 'statuspage', baseUrl: 'https://groqstatus.com' }],
  products: [
    {
      id: 'groq',
      name: 'Groq',
      category: 'api',
      homeUrl: 'https://console.groq.com',
      match: { wholePage: true },
      probe: { url: 'https://api.groq.com/openai/v1/models' },
      standsInFor: ['api'],
    },
  ],
};

export const COHERE: ProviderDefinition = {
  id: 'cohere',
  name: 'Cohere',
  statusPageUrl: 'https://status.cohere.com',
  sources: [{ format: 'statuspage', baseUrl: 'https://status.cohere.com' }],
  products: [
    {
      id: 'cohere',
      name: 'Cohere',
      category: 'api',
      homeUrl: 'https://dashboard.cohere.com',
      match: { wholePage: true },
      probe: { url: 'https://api.cohere.com/v1/models' },
      standsInFor: ['api'],
    },
  ],
};

export const HUGGING_FACE: ProviderDefinition = {
  id: 'huggingface',
  name: 'Hugging Face',
  statusPageUrl: 'https://status.huggingface.co',
  sources: [{ format: 'betterstack', baseUrl: 'https://status.huggingface.co' }],
  products: [
    {
      id: 'huggingface',
      name: 'Hugging Face',
      category: 'api',
      homeUrl: 'https://huggingface.co',
      match: { wholePage: true },
      probe: { url: 'https://huggingface.co/api/whoami-v2' },
      standsInFor: ['api', 'chat'],
    },
  ],
};
