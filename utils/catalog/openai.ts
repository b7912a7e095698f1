import type { ProviderDefinition } from './types';

/**
 * status.openai.com is an incident.io page (since 2025). Its Statuspage-compatible JSON is
 * the primary source; the native feed is the fallback. Group names as shown on the page.
 */
export const OPENAI: ProviderDefinition = {
  id: 'openai',
  name: 'OpenAI',
  statusPageUrl: 'https://status.openai.com',
  sources: [
    { format: 'statuspage', baseUrl: 'https://status.openai.com' },
    { format: 'incident-io', baseUrl: 'https://status.openai.com' },
  ],
  products: [
    {
      id: 'chatgpt',
      name: 'ChatGPT',
      category: 'chat',
      homeUrl: 'https://chatgpt.com',
      match: { groups: ['ChatGPT'] },
    },
    {
      id: 'sora',
      name: 'Sora',
      category: 'video',
      homeUrl: 'https://sora.chatgpt.com',
      match: { groups: ['Sora'] },
    },
    {
      id: 'openai-api',
      name: 'OpenAI API',
      category: 'api',
      homeUrl: 'https://platform.openai.com',
      match: { groups: ['APIs', 'API'] },
    },
    {
      id: 'openai-login',
      name: 'OpenAI Login',
      category: 'chat',
      homeUrl: 'https://auth.openai.com',
      // Login sits inside several groups (ChatGPT, Sora, Platform): any of them counts.
      match: { names: [/\blog[- ]?in\b/i, /\bsign[- ]?in\b/i, /\bauth/i, /\bSSO\b/] },
    },
  ],
};
