import { Window } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillComposer } from '@/utils/handoff/fill-composer';

// A page for the script to run in: a happy-dom window at an alternative's address, its DOM
// globals installed for the test's duration (fillComposer reads them as a page script does).
// Built here rather than as a happy-dom test environment, whose setup-file loading does
// not follow a node_modules symlinked from another checkout.
let page: Window;
let document: Document;
let location: Location;
function openPage(url = 'https://copilot.microsoft.com/') {
  page = new Window({ url });
  document = page.document as unknown as Document;
  location = page.location as unknown as Location;
  const globals: Record<string, unknown> = {
    window: page,
    document,
    location,
    HTMLElement: page.HTMLElement,
    HTMLTextAreaElement: page.HTMLTextAreaElement,
    HTMLInputElement: page.HTMLInputElement,
    MutationObserver: page.MutationObserver,
    Event: page.Event,
    InputEvent: page.InputEvent,
    getComputedStyle: page.getComputedStyle.bind(page),
  };
  for (const [name, value] of Object.entries(globals)) vi.stubGlobal(name, value);
}

const PROMPT = 'Summarise this:\nline two';

/** Records what would mean "sent": a submit, a click on Send, an Enter key. */
function watchForSending() {
  const sent: string[] = [];
  document.addEventListener('submit', () => sent.push('submit'), true);
  document.addEventListener('click', () => sent.push('click'), true);
  document.addEventListener('keydown', (e) => e.key === 'Enter' && sent.push('enter'), true);
  return sent;
}

/** Puts `html` (a page shape of ours, not network data) in the page's body. */
function setBody(html: string) {
  const parsed = new page.DOMParser().parseFromString(html, 'text/html');
  const nodes = [...parsed.body.childNodes].map((node) =>
    document.importNode(node as unknown as Node, true),
  );
  document.body.replaceChildren(...nodes);
}

describe('fillComposer', () => {
  let origin: string;
  beforeEach(() => {
    openPage();
    origin = location.origin;
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await page.happyDOM.close();
  });

  it('types into a textarea through the native setter, with an input event, and sends nothing', async () => {
    // Copilot's shape (tests/fixtures/alternatives/PROVENANCE.md).
    setBody(`<form><textarea id="userInput" data-testid="composer-input"
      placeholder="Message Copilot"></textarea><button type="submit">Submit</button></form>`);
    const textarea = document.querySelector('textarea')!;
    const inputs: string[] = [];
    textarea.addEventListener('input', () => inputs.push(textarea.value));
    const sent = watchForSending();
    expect(await fillComposer(PROMPT, ['textarea#userInput'], origin)).toBe(true);
    expect(textarea.value).toBe(PROMPT);
    expect(inputs).toEqual([PROMPT]);
    expect(document.activeElement).toBe(textarea);
    expect(sent).toEqual([]);
  });

  it('types into a contenteditable editor (a Quill shape, as on Gemini), replacing its placeholder', async () => {
    setBody(`<rich-textarea><div class="ql-editor ql-blank textarea"
      contenteditable="true" role="textbox"><p><br></p></div></rich-textarea>`);
    const editor = document.querySelector<HTMLElement>('.ql-editor')!;
    const inputs: Event[] = [];
    editor.addEventListener('input', (event) => inputs.push(event));
    const sent = watchForSending();
    expect(
      await fillComposer(PROMPT, ['rich-textarea .ql-editor[contenteditable="true"]'], origin),
    ).toBe(true);
    expect(editor.textContent).toContain('Summarise this:');
    expect(editor.textContent).toContain('line two');
    expect(inputs.length).toBeGreaterThan(0);
    expect(sent).toEqual([]);
  });

  it('waits for a composer that a single-page app renders late', async () => {
    const filled = fillComposer(PROMPT, ['textarea#chat-input'], origin);
    // Rendered after the script started: a later task, as an app's first render is.
    await new Promise((resolve) => setTimeout(resolve, 0));
    setBody('<div id="root"><textarea id="chat-input"></textarea></div>');
    expect(await filled).toBe(true);
    expect(document.querySelector('textarea')!.value).toBe(PROMPT);
  });

  it('takes the selectors in order, best first', async () => {
    setBody(`<textarea id="other"></textarea>
      <div class="ProseMirror" contenteditable="true"></div>`);
    expect(await fillComposer('Hi', ['div.ProseMirror[contenteditable="true"]'], origin)).toBe(
      true,
    );
    expect(document.querySelector('.ProseMirror')!.textContent).toBe('Hi');
    expect(document.querySelector('textarea')!.value).toBe('');
  });

  it('falls back to the first visible textarea when no selector matches, skipping hidden ones', async () => {
    setBody(`<textarea id="helper" style="display:none"></textarea>
      <div hidden><textarea id="hidden-too"></textarea></div>
      <textarea id="real"></textarea>`);
    expect(await fillComposer('Hi', ['#composer-that-changed'], origin)).toBe(true);
    expect(document.querySelector<HTMLTextAreaElement>('#real')!.value).toBe('Hi');
    expect(document.querySelector<HTMLTextAreaElement>('#helper')!.value).toBe('');
  });

  it('falls back to a contenteditable textbox', async () => {
    setBody('<div contenteditable="true" role="textbox"></div>');
    expect(await fillComposer('Hi', ['#gone'], origin)).toBe(true);
    expect(document.querySelector('[role="textbox"]')!.textContent).toBe('Hi');
  });

  it('skips a disabled or read-only field', async () => {
    setBody(`<textarea id="a" disabled></textarea><textarea id="b" readonly></textarea>`);
    expect(await fillComposer('Hi', ['#a', '#b'], origin, 50)).toBe(false);
  });

  it('gives up, typing nothing, when no composer appears in time', async () => {
    setBody('<main><p>Sign in to continue</p></main>');
    expect(await fillComposer(PROMPT, ['textarea#userInput'], origin, 50)).toBe(false);
    expect(document.body.textContent).not.toContain('Summarise');
  });

  it('types nothing on a page of another site', async () => {
    setBody('<textarea id="userInput"></textarea>');
    expect(await fillComposer(PROMPT, ['textarea#userInput'], 'https://gemini.google.com')).toBe(
      false,
    );
    expect(document.querySelector('textarea')!.value).toBe('');
  });

  it('survives a selector the browser cannot parse', async () => {
    setBody('<textarea id="userInput"></textarea>');
    expect(await fillComposer('Hi', ['textarea:has(', 'textarea#userInput'], origin)).toBe(true);
  });

  it('is self-contained, as executeScript serialises it', () => {
    // No reference to a module binding: the source names only globals and its own locals.
    const source = fillComposer.toString();
    expect(source).not.toMatch(/__vite|import\(|require\(/);
    const revived = new Function(`return (${source})`)() as typeof fillComposer;
    expect(typeof revived).toBe('function');
  });
});
