// ChatGPT's own page script as the attacker: it shares the DOM with the banner and may try to
// read it, drive it, or learn that the extension is there. Everything the page does here runs
// in the page's own world (`page.evaluate`, `addInitScript`), as a page script would.
/* global Element, KeyboardEvent, MouseEvent -- the page's own, in code that runs in the page */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BANNER_HOST,
  bannerCount,
  bannerLinks,
  bannerPoint,
  bannerText,
  clickInBanner,
  inBanner,
  launch,
  ROOT,
  stateOf,
  waitForBanner,
  waitInBanner,
  waitUntil,
} from './harness.mjs';

const SHOTS = join(ROOT, 'test-results');
const TITLE = 'ChatGPT is having problems';

/**
 * Installed before any script of the page: the attacker listens to every `message` and to the
 * events WXT would name after the extension, and hooks `attachShadow` in its own world.
 */
function pageSpy(extensionId) {
  const seen = { messages: 0, leaks: [], namedEvents: [], shadowRoots: 0, clicks: [] };
  Object.defineProperty(window, '__spy', { value: seen });
  const text = (data) => {
    try {
      return typeof data === 'string' ? data : JSON.stringify(data);
    } catch {
      return String(data);
    }
  };
  window.addEventListener(
    'message',
    (event) => {
      seen.messages += 1;
      if (text(event.data)?.includes(extensionId)) seen.leaks.push(text(event.data));
    },
    true,
  );
  // A page that already knows the extension's id (a store listing shows it) can listen for
  // the DOM events WXT names after it.
  for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
    const type = `${extensionId}:banner:${name}`;
    // Capturing on window hears it whether it is dispatched on window or on document.
    window.addEventListener(type, () => seen.namedEvents.push(type), true);
  }
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    seen.shadowRoots += 1;
    return attachShadow.call(this, init);
  };
  document.addEventListener(
    'click',
    (event) =>
      seen.clicks.push({
        target: event.target.localName,
        path: event.composedPath().map((node) => node.localName ?? node.nodeName),
      }),
    true,
  );
}

describe('the banner under attack from the page it sits on', () => {
  let radar;
  let chatgpt;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    radar = await launch({ world: { openai: 'outage' } });
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'major_outage', {
      what: 'ChatGPT in a major outage',
    });
    await waitUntil(
      () => radar.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
      (scripts) => scripts.length === 1,
      { what: 'the banner script to be registered' },
    );
    chatgpt = await radar.context.newPage();
    await chatgpt.addInitScript(pageSpy, radar.extensionId);
    await chatgpt.goto('https://chatgpt.com/');
    assert.match(await waitForBanner(chatgpt), new RegExp(TITLE));
  });
  after(() => radar?.close());

  /** ChatGPT's stored snooze, if any (the page must never be able to cause one). */
  const snoozed = () =>
    radar.evaluate(
      async () => (await chrome.storage.local.get('bannerSnoozes')).bannerSnoozes?.chatgpt,
    );

  it('keeps its shadow root closed: the page reads none of it', async () => {
    const seen = await chatgpt.evaluate((host) => {
      const banner = document.querySelector(host);
      document.execCommand('selectAll');
      return {
        found: banner !== null,
        shadowRoot: banner.shadowRoot,
        children: banner.childNodes.length,
        // Asks for shadow roots too: only serializable ones (or ones the caller holds) come out.
        html: banner.getHTML({ serializableShadowRoots: true }),
        textContent: banner.textContent,
        innerText: banner.innerText,
        bodyText: document.body.innerText,
        selection: String(window.getSelection()),
        inside: banner.querySelectorAll('*').length,
        shadowRootsSeen: window.__spy.shadowRoots,
      };
    }, BANNER_HOST);
    assert.equal(seen.found, true);
    assert.equal(seen.shadowRoot, null);
    assert.equal(seen.children, 0);
    assert.equal(seen.inside, 0);
    assert.equal(seen.html, '');
    assert.equal(seen.textContent, '');
    assert.equal(seen.innerText, '');
    assert.doesNotMatch(seen.bodyText, new RegExp(TITLE));
    assert.doesNotMatch(seen.selection, new RegExp(TITLE));
    // The banner's attachShadow is its own world's: the page's hook never sees the root.
    assert.equal(seen.shadowRootsSeen, 0);
    // Yet the user sees it.
    await chatgpt.evaluate(() => window.getSelection().removeAllRanges());
    await chatgpt.screenshot({ path: join(SHOTS, 'banner-closed-root.png') });
  });

  it('cannot be snoozed or driven by the page, whatever it tries', async () => {
    const close = await bannerPoint(chatgpt, '.banner__snooze-toggle');
    assert.ok(close, 'the snooze button has a box');
    const tried = await chatgpt.evaluate(
      ({ host, point }) => {
        const banner = document.querySelector(host);
        const attempts = [];
        const attempt = (name, run) => {
          try {
            attempts.push([name, String(run())]);
          } catch (error) {
            attempts.push([name, `threw ${error.name}`]);
          }
        };
        attempt('shadowRoot', () =>
          banner.shadowRoot?.querySelector('.banner__snooze-toggle')?.click(),
        );
        attempt('light DOM', () => banner.querySelector('button')?.click());
        attempt('host click()', () => banner.click());
        attempt('elementFromPoint', () => {
          const hit = document.elementFromPoint(point.x, point.y);
          hit.click();
          return hit.localName;
        });
        for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
          attempt(type, () =>
            banner.dispatchEvent(
              new MouseEvent(type, {
                bubbles: true,
                composed: true,
                clientX: point.x,
                clientY: point.y,
              }),
            ),
          );
        }
        for (const key of ['Escape', 'Enter', ' ']) {
          attempt(`key ${key}`, () => {
            banner.focus();
            return banner.dispatchEvent(
              new KeyboardEvent('keydown', { key, bubbles: true, composed: true }),
            );
          });
        }
        attempt('activeElement', () => document.activeElement?.localName);
        return attempts;
      },
      { host: BANNER_HOST, point: close },
    );
    // elementFromPoint answers the host, never the button inside it.
    assert.deepEqual(
      tried.find(([name]) => name === 'elementFromPoint'),
      ['elementFromPoint', BANNER_HOST],
    );
    await chatgpt.waitForTimeout(500);
    assert.match(await bannerText(chatgpt), new RegExp(TITLE));
    assert.equal(await bannerCount(chatgpt, '.banner__snooze-choices'), 0, 'no menu opened');
    assert.equal(await snoozed(), undefined);
  });

  it('ignores a scripted click even from a page that got hold of its buttons and links', async () => {
    // What a page could do had a reference leaked: CDP hands the page's world the elements
    // themselves, and the page calls .click() on them (isTrusted false).
    // The user opens the snooze menu; the page then clicks everything it holds, a prompt
    // typed in the composer.
    await chatgpt.locator('#prompt-textarea').fill('Secret plans');
    await clickInBanner(chatgpt, '.banner__snooze-toggle');
    await waitInBanner(chatgpt, '.banner__snooze-outage');
    const notice = await inBanner(chatgpt, '.banner__notice');
    const opened = [];
    radar.context.on('page', (page) => opened.push(page.url()));
    const clicked = await inBanner(chatgpt, 'button, a', (element) => {
      element.click();
      return element.className;
    });
    assert.ok(clicked.includes('banner__snooze-hour') && clicked.includes('banner__alternative'));
    await chatgpt.waitForTimeout(800);
    assert.deepEqual(opened, [], 'no link opened');
    assert.match(await bannerText(chatgpt), new RegExp(TITLE));
    assert.deepEqual(await inBanner(chatgpt, '.banner__notice'), notice, 'no prompt taken');
    assert.equal(await snoozed(), undefined);
    assert.equal(await bannerCount(chatgpt, '.banner__snooze-outage'), 1, 'menu still open');
    await clickInBanner(chatgpt, '.banner__snooze-toggle');
    await chatgpt.locator('#prompt-textarea').fill('');
  });

  it('posts the page no message and fires no event naming the extension', async () => {
    const spy = await chatgpt.evaluate(() => ({
      leaks: window.__spy.leaks,
      namedEvents: window.__spy.namedEvents,
    }));
    assert.deepEqual(spy.leaks, []);
    // Not even the DOM event WXT's context dispatches at every start, which a page that knows
    // the extension's id (a store listing shows it) could listen for.
    assert.deepEqual(spy.namedEvents, []);
  });

  it('tells the page nothing about a real click inside it but that its host was clicked', async () => {
    const title = await bannerPoint(chatgpt, '.banner__title');
    await chatgpt.evaluate(() => window.__spy.clicks.splice(0));
    await chatgpt.mouse.click(title.x, title.y);
    const clicks = await chatgpt.evaluate(() => window.__spy.clicks);
    assert.equal(clicks.length, 1);
    assert.equal(clicks[0].target, BANNER_HOST);
    assert.equal(clicks[0].path[0], BANNER_HOST);
  });

  it('re-checks the links it reads back from storage', async () => {
    const [[, before]] = await bannerLinks(chatgpt, '.banner__status');
    assert.match(before, /^https:\/\/status\.openai\.com\/incidents\//);
    // Whatever could write storage.local puts its own links in the snapshot.
    await radar.evaluate(async () => {
      const { healthSnapshot } = await chrome.storage.local.get('healthSnapshot');
      const service = healthSnapshot.services.find((s) => s.id === 'chatgpt');
      service.incidents[0].url = 'https://status.openai.com.evil.example/incidents/1';
      service.statusPageUrl = 'javascript:alert(1)';
      await chrome.storage.local.set({ healthSnapshot });
    });
    await waitUntil(
      () => bannerLinks(chatgpt, '.banner__status'),
      ([[, href]]) => href === 'https://status.openai.com',
      { what: 'the status link back on the catalog status page' },
    );
    const alternatives = await bannerLinks(chatgpt, '.banner__alternative');
    assert.ok(alternatives.length > 0);
    for (const [, href] of alternatives) assert.match(href, /^https:\/\//);
  });

  it('is snoozed by the user’s own clicks, until recovery', async () => {
    const { openedAt } = (await radar.snapshot()).services.find((s) => s.id === 'chatgpt');
    await clickInBanner(chatgpt, '.banner__snooze-toggle');
    await clickInBanner(chatgpt, '.banner__snooze-outage');
    await chatgpt.locator(BANNER_HOST).waitFor({ state: 'detached', timeout: 5_000 });
    await waitUntil(snoozed, (value) => value?.openedAt === openedAt, {
      what: 'the snooze to be stored',
    });
    const spy = await chatgpt.evaluate(() => window.__spy.leaks);
    assert.deepEqual(spy, []);
  });
});
