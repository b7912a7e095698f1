import { browser } from 'wxt/browser';
import { onMessage } from '../messaging';
import type { HandoffOutcome } from './plan';
import { fillComposer } from './fill-composer';
import { holdAsk, holdFill, peekFill, takeAsk, takeFill } from './pending';
import { syncArrivalScript } from './arrival';
import { needsAccessCheck, originPattern, planHandoff } from './plan';
import { alternativeById, isTrustedSender, readOpenRequest, type MessageSender } from './request';

/** The extension page that asks for access to an alternative's site (entrypoints/handoff). */
const HANDOFF_PAGE = '/handoff.html';

/**
 * Wires the worker's side of "the prompt follows the user": `openAlternative`,
 * `handoffGranted`, and `promptPageLoaded`, which the arrival script sends from an
 * alternative's page once it has loaded, so the prompt waiting for that tab is typed. Call it
 * synchronously in the background's main, so a message that wakes the worker is delivered.
 */
export function registerHandoff(): void {
  onMessage('openAlternative', ({ data, sender }) => openAlternative(data, sender));
  onMessage('handoffGranted', ({ data, sender }) => handoffGranted(data, sender));
  onMessage('promptPageLoaded', ({ sender }) => promptPageLoaded(sender));
}

/**
 * `promptPageLoaded`: a page of an alternative a prompt waits for has loaded in the sender's
 * tab. Only our arrival script can send it (no page can message the worker); the tab's site
 * is checked again before anything is typed, and the script goes once nothing waits.
 */
export async function promptPageLoaded(sender: MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined || (sender.frameId ?? 0) !== 0)
    return;
  await typeWaitingPrompt(tabId);
  await syncArrivalScript();
}

const extension = () => ({
  id: browser.runtime.id,
  base: browser.runtime.getURL('/'),
});

const hasAccess = (url: string) =>
  browser.permissions.contains({ origins: [originPattern(url)] }).catch(() => false);

/** Opens `url` in a new tab next to the sender's tab (or wherever the browser puts it). */
function openBeside(url: string, sender: MessageSender) {
  const tab = sender.tab;
  return browser.tabs.create({
    url,
    ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
  });
}

/** `openAlternative`: opens the alternative the best way there is for this prompt. */
export async function openAlternative(
  data: unknown,
  sender: MessageSender,
): Promise<HandoffOutcome> {
  if (!isTrustedSender(sender, extension())) throw new Error('openAlternative: untrusted sender');
  const request = readOpenRequest(data);
  if (!request) throw new Error('openAlternative: unknown alternative or invalid prompt');
  const { alternative, prompt } = request;
  const access = needsAccessCheck(alternative, prompt) && (await hasAccess(alternative.homeUrl));
  const plan = planHandoff(alternative, prompt, access);
  switch (plan.outcome) {
    case 'url':
    case 'clipboard':
      await openBeside(plan.url, sender);
      break;
    case 'fill': {
      // The arrival script is in place for the site before its tab opens: a page that loads
      // fast cannot slip by it.
      await syncArrivalScript(Date.now(), plan.url);
      const tab = await openBeside(plan.url, sender);
      if (tab.id !== undefined) await fillWhenLoaded(tab.id, prompt, alternative.id);
      else await syncArrivalScript();
      break;
    }
    case 'ask': {
      // The token only, never the prompt, goes into our page's URL; the alternative's id lets
      // the page offer its home even once the prompt has expired.
      const token = await holdAsk(prompt, alternative.id);
      const page = browser.runtime.getURL(
        `${HANDOFF_PAGE}?alternative=${encodeURIComponent(alternative.id)}#${token}`,
      );
      await openBeside(page, sender);
      break;
    }
  }
  return plan.outcome;
}

/**
 * `handoffGranted`: our ask page got access to the alternative's site. That same tab goes to
 * the alternative, and the prompt is typed there once it has loaded ('fill'). Otherwise
 * ('clipboard': an expired token, or no access after all) the page opens it itself.
 */
export async function handoffGranted(
  token: unknown,
  sender: MessageSender,
): Promise<HandoffOutcome> {
  const tabId = sender.tab?.id;
  if (
    sender.id !== browser.runtime.id ||
    !sender.url?.startsWith(browser.runtime.getURL(HANDOFF_PAGE))
  ) {
    throw new Error('handoffGranted: only our handoff page may say so');
  }
  if (typeof token !== 'string' || tabId === undefined) return 'clipboard';
  const entry = await takeAsk(token);
  const alternative = alternativeById(entry?.alternativeId);
  if (!entry || !alternative) return 'clipboard';
  const plan = planHandoff(alternative, entry.prompt, await hasAccess(alternative.homeUrl));
  // Not granted after all (or nothing to type): the page opens the alternative as is, and the
  // clipboard has the prompt.
  if (plan.outcome !== 'fill') return 'clipboard';
  await holdFill(tabId, entry.prompt, alternative.id);
  await syncArrivalScript();
  await browser.tabs.update(tabId, { url: plan.url });
  return 'fill';
}

/**
 * Keeps the prompt for tab `tabId` and types it once the tab has loaded. The tab may have
 * loaded already (then it is typed now), or load later, after the worker died even (then the
 * arrival script wakes it, and the prompt is in session storage).
 */
async function fillWhenLoaded(tabId: number, prompt: string, alternativeId: string) {
  await holdFill(tabId, prompt, alternativeId);
  await syncArrivalScript();
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (tab?.status === 'complete') await typeWaitingPrompt(tabId);
}

/**
 * Types the prompt waiting for `tabId`, if any, into the composer of the page it shows. A tab
 * that has loaded a page elsewhere (a sign-in page on another site, say) keeps its prompt
 * until it comes back to the alternative or the prompt expires.
 */
async function typeWaitingPrompt(tabId: number): Promise<void> {
  const waiting = await peekFill(tabId);
  const alternative = alternativeById(waiting?.alternativeId);
  if (!waiting || !alternative?.composer) return;
  const origin = new URL(alternative.homeUrl).origin;
  // Readable without the "tabs" permission because we hold access to that site.
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab?.url || new URL(tab.url).origin !== origin) return;
  const entry = await takeFill(tabId);
  if (!entry) return;
  void syncArrivalScript().catch((error) => console.warn('handoff', error));
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: fillComposer,
      // The script checks the origin again where it runs: the tab may have moved on since.
      args: [entry.prompt, [...alternative.composer], origin],
    });
    if (result?.result !== true) console.warn('handoff: no composer filled on', alternative.id);
  } catch (error) {
    console.warn('handoff', error);
  }
}
