/**
 * Types `prompt` into the composer of the page it runs in, and never sends it: no Enter, no
 * click on Send; the user reads it and sends it themselves. Injected by the worker with
 * `scripting.executeScript({ func: fillComposer, args })`, so it is serialised: it must stay
 * self-contained (no imports, no helpers outside its body).
 *
 * Waits up to `timeoutMs` for the composer, since these pages are single-page apps that render
 * it late: the first usable element among `selectors` (best first), else the first visible
 * `textarea` or `[contenteditable="true"][role="textbox"]`. A `textarea`/`input` gets its value
 * through the native setter and an `input` event, so a React page sees the change; a
 * contenteditable editor (ProseMirror, Quill, Lexical) gets `insertText`, the path a real
 * typing takes, with plain text and an `input` event as the fallback. Resolves whether the
 * prompt is in the composer; types nothing on a page not of `origin`.
 */
export async function fillComposer(
  prompt: string,
  selectors: readonly string[],
  origin: string,
  timeoutMs = 15_000,
): Promise<boolean> {
  // The tab may have moved on to another site since the worker looked: type nothing there.
  if (location.origin !== origin) return false;
  const FALLBACKS = ['textarea', '[contenteditable="true"][role="textbox"]'];

  const usable = (element: Element): element is HTMLElement => {
    if (!(element instanceof HTMLElement)) return false;
    if (element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement) {
      if (element.disabled || element.readOnly) return false;
    } else if (!element.isContentEditable && element.getAttribute('contenteditable') !== 'true') {
      return false;
    }
    // A hidden helper field (some pages keep one beside the real editor) is not the composer.
    for (let node: HTMLElement | null = element; node; node = node.parentElement) {
      if (node.hidden || node.getAttribute('aria-hidden') === 'true') return false;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return false;
    }
    return true;
  };

  const find = (): HTMLElement | null => {
    for (const selector of [...selectors, ...FALLBACKS]) {
      let found: NodeListOf<Element>;
      try {
        found = document.querySelectorAll(selector);
      } catch {
        continue; // A selector this browser cannot parse: try the next one.
      }
      for (const element of found) if (usable(element)) return element;
    }
    return null;
  };

  const composer =
    find() ??
    (await new Promise<HTMLElement | null>((resolve) => {
      const observer = new MutationObserver(() => {
        const element = find();
        if (!element) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(element);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeoutMs);
      observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
      });
    }));
  if (!composer) return false;

  composer.focus();
  // Compared without whitespace: editors turn line breaks into paragraphs, which innerText and
  // textContent each render their own way.
  const squash = (text: string) => text.replace(/\s+/g, '');
  const holdsPrompt = () =>
    [composer.innerText, composer.textContent].some((text) =>
      squash(text ?? '').includes(squash(prompt)),
    );

  if (composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement) {
    // The prototype's setter, not `composer.value =`: React tracks the value it last set and
    // ignores an input event whose value did not change through the native setter.
    const prototype =
      composer instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(composer, prompt);
    composer.dispatchEvent(new Event('input', { bubbles: true }));
    composer.dispatchEvent(new Event('change', { bubbles: true }));
    return composer.value === prompt;
  }

  // Select what the editor holds, so the prompt replaces a placeholder paragraph.
  const selection = window.getSelection();
  if (selection) {
    const range = document.createRange();
    range.selectNodeContents(composer);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  let typed: boolean;
  try {
    // Deprecated but still the one way to type as the user would, undo history included.
    typed = document.execCommand('insertText', false, prompt);
  } catch {
    typed = false;
  }
  if (!typed || !holdsPrompt()) {
    composer.textContent = prompt;
    composer.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertText', data: prompt }),
    );
  }
  return holdsPrompt();
}
