import type { Alternative } from './types';

const withQuery = (base: string) => (prompt: string) => `${base}${encodeURIComponent(prompt)}`;

/**
 * Where to go when an OpenAI product is down, by kind (chat for ChatGPT, video for Sora, api
 * for the OpenAI API), in the order offered when the user has no preference. Each one's
 * verdict comes from its catalog product: a service in trouble is never offered.
 */
export const ALTERNATIVES: readonly Alternative[] = [
  {
    id: 'claude',
    productId: 'claude',
    name: 'Claude',
    kind: 'chat',
    homeUrl: 'https://claude.ai/new',
    // Fills without sending since ~2025-10 (../shared/prefill.md).
    fillUrl: withQuery('https://claude.ai/new?q='),
  },
  // Gemini has no URL that takes a prompt.
  {
    id: 'gemini',
    productId: 'gemini',
    name: 'Gemini',
    kind: 'chat',
    homeUrl: 'https://gemini.google.com/app',
  },
  // Le Chat's, Copilot's, Perplexity's and Grok's `?q=` send by themselves: not used.
  {
    id: 'le-chat',
    productId: 'le-chat',
    name: 'Le Chat',
    kind: 'chat',
    homeUrl: 'https://chat.mistral.ai/chat',
  },
  {
    id: 'copilot',
    productId: 'microsoft-copilot',
    name: 'Microsoft Copilot',
    kind: 'chat',
    homeUrl: 'https://copilot.microsoft.com/',
  },
  {
    id: 'perplexity',
    productId: 'perplexity',
    name: 'Perplexity',
    kind: 'chat',
    homeUrl: 'https://www.perplexity.ai/',
  },
  {
    id: 'deepseek',
    productId: 'deepseek',
    name: 'DeepSeek',
    kind: 'chat',
    homeUrl: 'https://chat.deepseek.com/',
  },
  { id: 'grok', productId: 'grok', name: 'Grok', kind: 'chat', homeUrl: 'https://grok.com/' },
  // Video, for Sora: Gemini makes videos with Veo, Grok with Imagine.
  {
    id: 'gemini-veo',
    productId: 'gemini',
    name: 'Gemini (Veo)',
    kind: 'video',
    homeUrl: 'https://gemini.google.com/app',
  },
  {
    id: 'grok-imagine',
    productId: 'grok',
    name: 'Grok Imagine',
    kind: 'video',
    homeUrl: 'https://grok.com/imagine',
  },
  // API, for the OpenAI API: the consoles where a developer gets a key and tries a model.
  {
    id: 'claude-console',
    productId: 'claude-api',
    name: 'Claude Console',
    kind: 'api',
    homeUrl: 'https://platform.claude.com/',
  },
  {
    id: 'ai-studio',
    productId: 'gemini-api',
    name: 'Google AI Studio',
    kind: 'api',
    homeUrl: 'https://aistudio.google.com/',
  },
  {
    id: 'mistral-console',
    productId: 'le-chat',
    name: 'Mistral AI Studio',
    kind: 'api',
    homeUrl: 'https://console.mistral.ai/',
  },
  {
    id: 'groq-console',
    productId: 'groq',
    name: 'GroqCloud',
    kind: 'api',
    homeUrl: 'https://console.groq.com/',
  },
  {
    id: 'deepseek-platform',
    productId: 'deepseek',
    name: 'DeepSeek Platform',
    kind: 'api',
    homeUrl: 'https://platform.deepseek.com/',
  },
];
