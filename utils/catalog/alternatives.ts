import type { Alternative } from './types';

const withQuery = (base: string) => (prompt: string) => `${base}${encodeURIComponent(prompt)}`;

/** Where to go when ChatGPT is down, in the order the banner offers them. */
export const ALTERNATIVES: readonly Alternative[] = [
  {
    id: 'claude',
    productId: 'claude',
    name: 'Claude',
    homeUrl: 'https://claude.ai/new',
    promptUrl: withQuery('https://claude.ai/new?q='),
  },
  // Gemini has no documented way to pre-fill a prompt: the prompt goes by clipboard.
  { id: 'gemini', productId: 'gemini', name: 'Gemini', homeUrl: 'https://gemini.google.com/app' },
  {
    id: 'le-chat',
    productId: 'le-chat',
    name: 'Le Chat',
    homeUrl: 'https://chat.mistral.ai/chat',
    promptUrl: withQuery('https://chat.mistral.ai/chat?q='),
  },
  {
    id: 'copilot',
    productId: 'microsoft-copilot',
    name: 'Microsoft Copilot',
    homeUrl: 'https://copilot.microsoft.com/',
    promptUrl: withQuery('https://copilot.microsoft.com/?q='),
  },
  {
    id: 'perplexity',
    productId: 'perplexity',
    name: 'Perplexity',
    homeUrl: 'https://www.perplexity.ai/',
    promptUrl: withQuery('https://www.perplexity.ai/search?q='),
  },
];
