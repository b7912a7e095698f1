import type { ProviderDefinition } from './types';

/** Login sits in several groups (APIs, ChatGPT): the product is every component so named. */
const LOGIN = [/\blog[- ]?in\b/i, /\bsign[- ]?in\b/i, /\bauth/i, /\bSSO\b/];
const SORA = /^sora\b/i;

/**
 * status.openai.com is an incident.io page (since 2025). Only its native feed says how
 * components are grouped (`structure`), which component each incident touches and how hard:
 * it is the primary source. The Statuspage-compatible JSON is flat (no groups, incidents
 * without components): as a fallback it gives component states by id, laid out with the
 * groups the last native read left (`SourceRead.layout`). (The widget API, `/api/v1/summary`,
 * is left out: no public capture of OpenAI's shows what its components look like.)
 * Group names as the page showed them in 2026: APIs, ChatGPT, Codex, FedRAMP, Ads Platform;
 * Sora is a component of APIs, Login one of both APIs and ChatGPT.
 */
export const OPENAI: ProviderDefinition = {
  id: 'openai',
  name: 'OpenAI',
  statusPageUrl: 'https://status.openai.com',
  sources: [
    { format: 'incident-io', baseUrl: 'https://status.openai.com' },
    { format: 'statuspage', baseUrl: 'https://status.openai.com' },
  ],
  products: [
    {
      id: 'chatgpt',
      name: 'ChatGPT',
      category: 'chat',
      homeUrl: 'https://chatgpt.com',
      // One feature down (Voice mode, Connectors) is not ChatGPT down; Conversations or Login is.
      match: { groups: ['ChatGPT'], core: [/^conversations?\b/i, ...LOGIN] },
      // The app's own backend: an anonymous request answers 401/403 when it is up.
      probe: { url: 'https://chatgpt.com/backend-api/me' },
      standsInFor: ['chat'],
    },
    {
      id: 'sora',
      name: 'Sora',
      category: 'video',
      homeUrl: 'https://sora.chatgpt.com',
      // A group of its own in 2025, a component of APIs in 2026.
      match: { groups: ['Sora'], names: [SORA] },
      standsInFor: ['video'],
    },
    {
      id: 'openai-api',
      name: 'OpenAI API',
      category: 'api',
      homeUrl: 'https://platform.openai.com',
      // Sora and the platform's Login sit in the APIs group but are products of their own: an
      // API key's requests need neither.
      match: { groups: ['APIs', 'API'], except: [SORA, ...LOGIN] },
      probe: { url: 'https://api.openai.com/v1/models' },
      standsInFor: ['api'],
    },
    {
      id: 'codex',
      name: 'Codex',
      category: 'code',
      homeUrl: 'https://chatgpt.com/codex',
      // A group in 2026 (Codex Web, Codex API, CLI, VS Code extension); "Codex in ChatGPT
      // Desktop" sits in the ChatGPT group.
      match: { groups: ['Codex'], names: [/^codex\b/i] },
      standsInFor: ['code'],
    },
    {
      id: 'openai-login',
      name: 'OpenAI Login',
      category: 'chat',
      homeUrl: 'https://auth.openai.com',
      match: { names: LOGIN },
      standsInFor: [],
    },
  ],
};
