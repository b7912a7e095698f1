import type { BannerSite } from '../catalog/openai-sites';

/**
 * Where each OpenAI site keeps the box the user types a prompt in: every selector of those
 * sites lives here, most specific first. A selector that finds nothing makes the banner open
 * the alternative as is and say so; it never breaks the page.
 *
 * - ChatGPT, checked against chatgpt.com on 2026-11: a contenteditable ProseMirror div
 *   `#prompt-textarea`; older pages (and chat.openai.com) used a textarea.
 * - Sora: a textarea (a public automation's selector reference for sora.chatgpt.com, updated
 *   2026-01-30: "Prompt Input: `textarea`"); not seen on sora.com itself.
 * - The API's platform: the Playground's message box is a textarea (an open-source extension
 *   for the Playground, AspireOne/playground-thing, reads `textarea` in its messages); its
 *   current markup could not be verified (it needs an account).
 */
const COMPOSER_SELECTORS: Record<BannerSite, readonly string[]> = {
  chatgpt: [
    '#prompt-textarea',
    'textarea[name="prompt-textarea"]',
    'form [contenteditable="true"]',
    'form textarea',
  ],
  sora: ['textarea'],
  platform: ['form textarea', 'textarea'],
};

/** The text typed in the site's composer: undefined if there is none, '' if it is empty. */
export function readComposer(site: BannerSite, doc: Document = document): string | undefined {
  for (const selector of COMPOSER_SELECTORS[site]) {
    const element = doc.querySelector(selector);
    if (element instanceof HTMLTextAreaElement) return element.value.trim();
    if (element instanceof HTMLElement)
      return (element.innerText || element.textContent || '').trim();
  }
  return undefined;
}
