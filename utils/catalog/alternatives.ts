import type { Alternative } from './types';

const withQuery = (base: string) => (prompt: string) => `${base}${encodeURIComponent(prompt)}`;

// Composer selectors, best first, for our fill script (utils/handoff/fill-composer.ts, which
// falls back to the first visible textarea or contenteditable textbox). Each comes from public
// open-source code that fills that page; sources and dates in
// tests/fixtures/alternatives/PROVENANCE.md. A selector that finds nothing only means the
// prompt stays on the clipboard.
const GEMINI_COMPOSER = [
  'rich-textarea .ql-editor[contenteditable="true"]',
  'div.ql-editor[contenteditable="true"]',
];
const GROK_COMPOSER = [
  '[contenteditable="true"][aria-label="Ask Grok anything"]',
  'textarea[aria-label="Ask Grok anything"]',
];

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
    // A long prompt does not fit a URL: the ProseMirror editor takes it instead.
    composer: ['div.ProseMirror[contenteditable="true"]'],
  },
  // Gemini has no URL that takes a prompt.
  {
    id: 'gemini',
    productId: 'gemini',
    name: 'Gemini',
    kind: 'chat',
    homeUrl: 'https://gemini.google.com/app',
    composer: GEMINI_COMPOSER,
  },
  // Le Chat's, Copilot's, Perplexity's and Grok's `?q=` send by themselves: not used.
  {
    id: 'le-chat',
    productId: 'le-chat',
    name: 'Le Chat',
    kind: 'chat',
    homeUrl: 'https://chat.mistral.ai/chat',
    composer: ['div.ProseMirror[contenteditable="true"]', 'textarea[name="message.text"]'],
  },
  {
    id: 'copilot',
    productId: 'microsoft-copilot',
    name: 'Microsoft Copilot',
    kind: 'chat',
    homeUrl: 'https://copilot.microsoft.com/',
    composer: ['textarea#userInput', 'textarea[data-testid="composer-input"]'],
  },
  {
    id: 'perplexity',
    productId: 'perplexity',
    name: 'Perplexity',
    kind: 'chat',
    homeUrl: 'https://www.perplexity.ai/',
    composer: ['#ask-input'],
  },
  {
    id: 'deepseek',
    productId: 'deepseek',
    name: 'DeepSeek',
    kind: 'chat',
    homeUrl: 'https://chat.deepseek.com/',
    composer: ['textarea#chat-input'],
  },
  {
    id: 'grok',
    productId: 'grok',
    name: 'Grok',
    kind: 'chat',
    homeUrl: 'https://grok.com/',
    composer: GROK_COMPOSER,
  },
  // Video, for Sora: Gemini makes videos with Veo, Grok with Imagine.
  {
    id: 'gemini-veo',
    productId: 'gemini',
    name: 'Gemini (Veo)',
    kind: 'video',
    homeUrl: 'https://gemini.google.com/app',
    composer: GEMINI_COMPOSER,
  },
  {
    id: 'grok-imagine',
    productId: 'grok',
    name: 'Grok Imagine',
    kind: 'video',
    homeUrl: 'https://grok.com/imagine',
    // Imagine's prompt box is the same labelled contenteditable editor as Grok's chat.
    composer: GROK_COMPOSER,
  },
  // API, for the OpenAI API: the consoles where a developer gets a key and tries a model. No
  // composer: a console's playground is behind a sign-in and no public code fills it.
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
