import type { ProviderDefinition } from './types';

/**
 * status.openai.com is an incident.io page (since 2025). Its Statuspage-compatible JSON is
 * the primary source; the native feed and the widget API are fallbacks. Group names as
 * shown on the page.
 */
export const OPENAI: ProviderDefinition = {
  id: 'openai',
  name: 'OpenAI',
  statusPageUrl: 'https://status.openai.com',
  sources: [
    { format: 'statuspage', baseUrl: 'https://status.openai.com' },
    { format: 'incident-io', baseUrl: 'https://status.openai.com' },
    { format: 'incident-io-widget', baseUrl: 'https://status.openai.com' },
  ],
  products: [
    {
      id: 'chatgpt',
      name: 'ChatGPT',
      category: 'chat',
      homeUrl: 'https://chatgpt.com',
      match: { groups: ['ChatGPT'] },
      // The app's own backend: an anonymous request answers 401/403 when it is up.
      probe: { url: 'https://chatgpt.com/backend-api/me' },
      standsInFor: ['chat'],
    },
    {
      id: 'sora',
      name: 'Sora',
      category: 'video',
      homeUrl: 'https://sora.chatgpt.com',
      match: { groups: ['Sora'] },
      standsInFor: ['video'],
    },
    {
      id: 'openai-api',
      name: 'OpenAI API',
      category: 'api',
      homeUrl: 'https://platform.openai.com',
      match: { groups: ['APIs', 'API'] },
      probe: { url: 'https://api.openai.com/v1/models' },
      standsInFor: ['api'],
    },
    {
      id: 'codex',
      name: 'Codex',
      category: 'code',
      homeUrl: 'https://chatgpt.com/codex',
      // A component of the ChatGPT group in 2025, a group of its own on some captures.
      match: { groups: ['Codex'], names: [/^codex\b/i] },
      standsInFor: ['code'],
    },
    {
      id: 'openai-login',
      name: 'OpenAI Login',
      category: 'chat',
      homeUrl: 'https://auth.openai.com',
      // Login sits inside several groups (ChatGPT, Sora, Platform): any of them counts.
      match: { names: [/\blog[- ]?in\b/i, /\bsign[- ]?in\b/i, /\bauth/i, /\bSSO\b/] },
      standsInFor: [],
    },
  ],
};
