import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALTERNATIVES } from '@/utils/catalog/alternatives';
import { fillComposer } from '@/utils/handoff/fill-composer';
import { PENDING_TTL_MS } from '@/utils/handoff/pending';
import { removeAllListeners } from '@/utils/messaging';
import {
  handoffGranted,
  openAlternative,
  promptPageLoaded,
  registerHandoff,
} from '@/utils/handoff/background';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { installScripting } from '../../helpers/scripting';

const EXTENSION = 'chrome-extension://test-extension-id';
const copilot = ALTERNATIVES.find((a) => a.id === 'copilot')!;

/** The content scripts registered with the browser (the arrival script among them). */
let scripts: ReturnType<typeof installScripting>['registered'];

/** The browser's permissions (host access we hold) and the scripts injected into tabs. */
function installBrowser(granted: string[]) {
  scripts = installScripting().registered;
  const injected: { tabId: number; func: unknown; args: unknown[] }[] = [];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins = [] }) =>
    origins.every((origin) => granted.includes(origin)),
  );
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) => {
    injected.push({
      tabId: injection.target.tabId,
      func: injection.func,
      args: 'args' in injection ? (injection.args ?? []) : [],
    });
    return [{ frameId: 0, result: true, documentId: 'doc' }];
  });
  return injected;
}

/** Our banner on a ChatGPT tab, as the browser names the sender. */
async function chatGptSender() {
  const tab = await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/c/1' });
  return {
    id: 'test-extension-id',
    url: 'https://chatgpt.com/c/1',
    frameId: 0,
    tab: { id: tab.id, index: tab.index, windowId: tab.windowId },
  };
}

/** The tabs with a page in them (the fake browser starts with one empty tab). */
const pages = async () => (await fakeBrowser.tabs.query({})).filter((tab) => tab.url);

/** Waits for work a listener started (no time limit meant: a loaded CI machine is slow). */
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 20_000 });

/**
 * Lets the listeners' work finish: the fake browser's storage and tabs answer in microtasks,
 * so all of it is done before the next task.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const session = async (): Promise<Record<string, Record<string, unknown>>> =>
  await fakeBrowser.storage.session.get(null);

/**
 * Lets the tab finish loading `url`, as the browser does: the content scripts registered for
 * that URL run in it, and the arrival script among them tells the worker.
 */
async function load(tabId: number, url: string) {
  await fakeBrowser.tabs.update(tabId, { url, status: 'complete' } as never);
  const arrival = [...scripts.values()].some(
    (script) =>
      script.js?.includes('/content-scripts/prompt-arrival.js') &&
      script.matches?.some((pattern) => new MatchPattern(pattern).includes(url)),
  );
  if (arrival) {
    await promptPageLoaded({ id: 'test-extension-id', url, frameId: 0, tab: { id: tabId } });
  }
}

describe('openAlternative', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a sender that is neither our banner on an OpenAI page nor a page of ours', async () => {
    installBrowser([]);
    const sender = { id: 'test-extension-id', url: 'https://example.com/', tab: { id: 9 } };
    await expect(
      openAlternative({ alternativeId: 'claude', prompt: 'Hi' }, sender),
    ).rejects.toThrow(/untrusted/);
    expect(await pages()).toEqual([]);
  });

  it('refuses an unknown alternative', async () => {
    installBrowser([]);
    const sender = await chatGptSender();
    await expect(
      openAlternative({ alternativeId: 'nope', prompt: 'Hi' }, sender),
    ).rejects.toThrow();
    expect(await pages()).toHaveLength(1);
  });

  it('opens a short prompt in Claude\u2019s fill URL, next to the ChatGPT tab', async () => {
    installBrowser([]);
    const sender = await chatGptSender();
    const outcome = await openAlternative({ alternativeId: 'claude', prompt: 'Hi there' }, sender);
    expect(outcome).toBe('url');
    const tabs = await pages();
    expect(tabs.map((tab) => tab.url)).toEqual([
      'https://chatgpt.com/c/1',
      'https://claude.ai/new?q=Hi%20there',
    ]);
    expect(await session()).toEqual({});
  });

  it('opens an alternative as is when the prompt is empty or there is no composer', async () => {
    installBrowser(['https://platform.claude.com/*']);
    const sender = await chatGptSender();
    expect(await openAlternative({ alternativeId: 'gemini', prompt: '' }, sender)).toBe(
      'clipboard',
    );
    expect(await openAlternative({ alternativeId: 'claude-console', prompt: 'Hi' }, sender)).toBe(
      'clipboard',
    );
    const urls = (await pages()).map((tab) => tab.url);
    expect(urls.slice(1)).toEqual([
      'https://gemini.google.com/app',
      'https://platform.claude.com/',
    ]);
  });

  it('asks on a page of ours, the prompt held in session storage under a token in no URL', async () => {
    installBrowser([]);
    const sender = await chatGptSender();
    const prompt = 'Draft a letter to my landlord';
    expect(await openAlternative({ alternativeId: 'gemini', prompt }, sender)).toBe('ask');
    const opened = (await pages())[1]!.url!;
    const url = new URL(opened);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe(`${EXTENSION}/handoff.html`);
    expect(url.searchParams.get('alternative')).toBe('gemini');
    expect(opened).not.toContain('landlord');
    const token = url.hash.slice(1);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect((await session()).handoffAsks).toEqual({
      [token]: { prompt, alternativeId: 'gemini', expiresAt: expect.any(Number) },
    });
  });

  it('asks for a long prompt to Claude rather than put it in a URL', async () => {
    installBrowser([]);
    const sender = await chatGptSender();
    const prompt = 'word '.repeat(1000);
    expect(await openAlternative({ alternativeId: 'claude', prompt }, sender)).toBe('ask');
    expect((await pages())[1]!.url).toMatch(/handoff\.html\?alternative=claude#/);
  });

  it('types the prompt into the composer once the tab has loaded, only there, once', async () => {
    const injected = installBrowser(['https://copilot.microsoft.com/*']);
    registerHandoff();
    const sender = await chatGptSender();
    const prompt = 'Plan my week';
    expect(await openAlternative({ alternativeId: 'copilot', prompt }, sender)).toBe('fill');
    const tab = (await pages())[1]!;
    expect(tab.url).toBe('https://copilot.microsoft.com/');
    expect(injected).toEqual([]);
    // Held in session storage while the tab loads: a worker that dies meanwhile loses nothing.
    expect(Object.keys((await session()).handoffFills ?? {})).toEqual([String(tab.id)]);

    // A sign-in page elsewhere first: nothing typed there, the prompt keeps waiting.
    await load(tab.id!, 'https://login.live.com/');
    await settle();
    expect(injected).toEqual([]);

    await load(tab.id!, 'https://copilot.microsoft.com/');
    await eventually(() => expect(injected).toHaveLength(1));
    expect(injected[0]).toEqual({
      tabId: tab.id,
      func: fillComposer,
      args: [prompt, [...copilot.composer!], 'https://copilot.microsoft.com'],
    });
    await eventually(async () => expect((await session()).handoffFills).toEqual({}));

    // The page reloads: the prompt was taken, it is not typed twice.
    await load(tab.id!, 'https://copilot.microsoft.com/');
    await settle();
    expect(injected).toHaveLength(1);
  });

  it('drops a waiting prompt after ten minutes', async () => {
    const injected = installBrowser(['https://copilot.microsoft.com/*']);
    registerHandoff();
    vi.useFakeTimers({ toFake: ['Date'] });
    const sender = await chatGptSender();
    await openAlternative({ alternativeId: 'copilot', prompt: 'Hi' }, sender);
    const tab = (await pages())[1]!;
    vi.setSystemTime(Date.now() + PENDING_TTL_MS + 1);
    await load(tab.id!, 'https://copilot.microsoft.com/');
    await settle();
    expect(injected).toEqual([]);
  });

  it('has the arrival script on the alternative\u2019s site only while a prompt waits there', async () => {
    installBrowser(['https://copilot.microsoft.com/*']);
    registerHandoff();
    const sender = await chatGptSender();
    await openAlternative({ alternativeId: 'copilot', prompt: 'Hi' }, sender);
    expect([...scripts.values()]).toEqual([
      {
        id: 'prompt-arrival',
        matches: ['https://copilot.microsoft.com/*'],
        js: ['/content-scripts/prompt-arrival.js'],
        runAt: 'document_idle',
        persistAcrossSessions: false,
      },
    ]);
    const tab = (await pages())[1]!;
    await load(tab.id!, 'https://copilot.microsoft.com/');
    await eventually(() => expect([...scripts.keys()]).toEqual([]));
  });

  it('hears the arrival of a page from our own script in a top frame only', async () => {
    const injected = installBrowser(['https://copilot.microsoft.com/*']);
    registerHandoff();
    const sender = await chatGptSender();
    await openAlternative({ alternativeId: 'copilot', prompt: 'Hi' }, sender);
    const tab = (await pages())[1]!;
    await fakeBrowser.tabs.update(tab.id!, { status: 'complete' } as never);
    const page = { url: 'https://copilot.microsoft.com/', tab: { id: tab.id } };
    await promptPageLoaded({ ...page, id: 'another-extension', frameId: 0 });
    await promptPageLoaded({ ...page, id: 'test-extension-id', frameId: 3 });
    await settle();
    expect(injected).toEqual([]);
    await promptPageLoaded({ ...page, id: 'test-extension-id', frameId: 0 });
    await eventually(() => expect(injected).toHaveLength(1));
  });

  it('wakes for no other page: no listener to every tab of the browser', () => {
    installBrowser([]);
    registerHandoff();
    expect(fakeBrowser.tabs.onUpdated.hasListeners()).toBe(false);
    expect(fakeBrowser.tabs.onRemoved.hasListeners()).toBe(false);
  });

  it('lets the prompt of a tab closed before it loaded expire, and then the script goes', async () => {
    const injected = installBrowser(['https://copilot.microsoft.com/*']);
    registerHandoff();
    vi.useFakeTimers({ toFake: ['Date'] });
    const sender = await chatGptSender();
    await openAlternative({ alternativeId: 'copilot', prompt: 'Hi' }, sender);
    const closed = (await pages())[1]!;
    await fakeBrowser.tabs.onRemoved.trigger(closed.id!, {
      isWindowClosing: false,
      windowId: closed.windowId,
    });
    vi.setSystemTime(Date.now() + PENDING_TTL_MS + 1);
    // The user opens the site later by themselves: the script runs once, types nothing, goes.
    const later = await fakeBrowser.tabs.create({ url: 'about:blank' });
    await load(later.id!, 'https://copilot.microsoft.com/');
    await eventually(() => expect([...scripts.keys()]).toEqual([]));
    expect(injected).toEqual([]);
  });
});

describe('handoffGranted', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
  });

  /** Opens the ask page for `alternativeId` and returns its tab and token. */
  async function askPage(alternativeId: string, prompt: string) {
    const sender = await chatGptSender();
    await openAlternative({ alternativeId, prompt }, sender);
    const tab = (await pages())[1]!;
    const token = new URL(tab.url!).hash.slice(1);
    const pageSender = { id: 'test-extension-id', url: tab.url!, tab: { id: tab.id } };
    return { tab, token, pageSender };
  }

  it('takes the ask page\u2019s tab to the alternative and types the prompt there', async () => {
    const granted: string[] = [];
    const injected = installBrowser(granted);
    registerHandoff();
    const { tab, token, pageSender } = await askPage('gemini', 'Translate this');
    granted.push('https://gemini.google.com/*'); // The user said yes in the browser's dialog.
    expect(await handoffGranted(token, pageSender)).toBe('fill');
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe('https://gemini.google.com/app');
    expect((await session()).handoffAsks).toEqual({});
    await load(tab.id!, 'https://gemini.google.com/app');
    await eventually(() => expect(injected).toHaveLength(1));
    expect(injected[0]!.args[0]).toBe('Translate this');
  });

  it('leaves the page to open the alternative as is when access was not given after all', async () => {
    const injected = installBrowser([]);
    registerHandoff();
    const { tab, token, pageSender } = await askPage('gemini', 'Translate this');
    expect(await handoffGranted(token, pageSender)).toBe('clipboard');
    expect((await fakeBrowser.tabs.get(tab.id!)).url).toBe(tab.url);
    await load(tab.id!, 'https://gemini.google.com/app');
    await settle();
    expect(injected).toEqual([]);
  });

  it('answers an unknown or spent token with the clipboard', async () => {
    const granted: string[] = [];
    installBrowser(granted);
    const { token, pageSender } = await askPage('gemini', 'Hi');
    granted.push('https://gemini.google.com/*');
    expect(await handoffGranted('not-a-token', pageSender)).toBe('clipboard');
    expect(await handoffGranted(token, pageSender)).toBe('fill');
    expect(await handoffGranted(token, pageSender)).toBe('clipboard');
  });

  it('listens to our handoff page only', async () => {
    const granted: string[] = [];
    installBrowser(granted);
    const { token } = await askPage('gemini', 'Hi');
    granted.push('https://gemini.google.com/*');
    const banner = await chatGptSender();
    await expect(handoffGranted(token, banner)).rejects.toThrow(/handoff page/);
    await expect(
      handoffGranted(token, {
        id: 'test-extension-id',
        url: `${EXTENSION}/popup.html`,
        tab: { id: 1 },
      }),
    ).rejects.toThrow();
    expect(Object.keys((await session()).handoffAsks ?? {})).toEqual([token]);
  });
});
