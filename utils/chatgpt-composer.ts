/**
 * The ChatGPT composer, for "take my prompt with me". Every selector of chatgpt.com lives
 * here. Checked against chatgpt.com on 2026-11: the composer is a contenteditable
 * ProseMirror div `#prompt-textarea`; older pages (and chat.openai.com) used a textarea.
 * A selector that finds nothing makes the feature say so; it never breaks the page.
 */
const COMPOSER_SELECTORS = [
  '#prompt-textarea',
  'textarea[name="prompt-textarea"]',
  'form [contenteditable="true"]',
  'form textarea',
];

/** The text typed in the composer: undefined if there is no composer, '' if it is empty. */
export function readComposer(doc: Document = document): string | undefined {
  for (const selector of COMPOSER_SELECTORS) {
    const element = doc.querySelector(selector);
    if (element instanceof HTMLTextAreaElement) return element.value.trim();
    if (element instanceof HTMLElement)
      return (element.innerText || element.textContent || '').trim();
  }
  return undefined;
}
