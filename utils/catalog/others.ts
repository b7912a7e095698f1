import type { ProviderDefinition } from './types';

/*
 * Providers with one product each. Where a provider publishes no machine-readable status we
 * can prove a parser on, the probe is the signal and `sources` is empty; `statusPageUrl` then
 * points where a person would look. As of 2026-11 (../shared/status-sources.md):
 * - Microsoft Copilot (consumer): no public feed at all (status.cloud.microsoft covers
 *   Microsoft 365). The probe is its front page, a CDN that can answer while the backend is
 *   down: it proves reachability only, and the reason names the host it measured.
 * - Le Chat (Mistral): status.mistral.ai changed platform twice in 2026; a JSON endpoint
 *   (`/api/status-page/mistral-ai/unresolved-incidents`) is reported, but no capture of it
 *   exists, and its automatic incidents are reported noisy. The probe is the API
 *   (api.mistral.ai), which is not the chat app: the reason says which host answered.
 * - DeepSeek: left Statuspage in 2026 (the old page froze on 2026-05-08) for a FlashDuty
 *   page whose `/api/widget/v1/summary.json` is reported but never captured, and which
 *   blocks non-browser clients. The probe is the API (api.deepseek.com).
 * A feed joins the catalog once a capture of it can back a fixture.
 */

export const GITHUB: ProviderDefinition = {
  id: 'github',
  name: 'GitHub',
  statusPageUrl: 'https://www.githubstatus.com',
  // A public Statuspage: it answers any origin (CORS), so no host permission is asked for.
  sources: [{ format: 'statuspage', baseUrl: 'https://www.githubstatus.com', cors: true }],
  products: [
    {
      id: 'github-copilot',
      name: 'GitHub Copilot',
      category: 'code',
      homeUrl: 'https://github.com/copilot',
      // Two components: "Copilot" and "Copilot AI Model Providers" (one vendor's models
      // failing inside Copilot): the second alone makes Copilot degraded, not down.
      match: { names: [/^copilot\b/i], core: [/^copilot$/i] },
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
  // Perplexity's page was seen live (2026-08) answering /v2/summary.json: read first, so a read
  // is one request. Instatus' current /v3/summary.json, never seen on this page, is the
  // fallback (first, it cost every read a second request wherever it answers 404).
  sources: [
    { format: 'instatus', baseUrl: 'https://status.perplexity.com', path: '/v2/summary.json' },
    { format: 'instatus', baseUrl: 'https://status.perplexity.com' },
  ],
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
      // status.x.ai's feed covers the whole page: its items name their component in brackets
      // ("[Grok (Web)] …", "[Grok in X] …", "[API (us-east-1.api.x.ai)] …"). Only Grok's apps and
      // the API count; "[API Console]", "[Single Sign-On]", docs or website items do not.
      match: { incidentProducts: [/^grok\b/i, /^api(?:\s*\(|$)/i] },
      probe: { url: 'https://api.x.ai/v1/models' },
      standsInFor: ['chat', 'video', 'api'],
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
      // A Better Stack page of many monitors: one failing monitor is not Hugging Face down.
      // (No capture of status.huggingface.co exists: tests/fixtures/betterstack/PROVENANCE.md.)
      match: { wholePage: true, minTroubledShare: 0.3 },
      probe: { url: 'https://huggingface.co/api/whoami-v2' },
      standsInFor: ['api', 'chat'],
    },
  ],
};
