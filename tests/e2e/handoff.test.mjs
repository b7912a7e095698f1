// The prompt follows the user to an alternative: the worker's side, driven by the real
// `openAlternative` / `handoffGranted` messages (as @webext-core/messaging puts them on the
// wire) from a page of ours, in the fixture world. What automation cannot do here is click
// Chromium's permission dialog (../shared/e2e-recipe.md): the sides of it are tested instead.
// Gemini's page shows the ask page and that its Allow button asks the browser for that one
// site; Microsoft Copilot, whose origin the extension holds already (its probe), runs the
// granted side for real, from the ask page's Allow through to the prompt typed in a composer
// served from a fixture (tests/fixtures/alternatives/PROVENANCE.md), and nothing sent.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, ROOT, waitUntil } from './harness.mjs';

const SHOTS = join(ROOT, 'test-results');
/** A word that appears in the test prompts only, to look for in every URL on the wire. */
const MARKER = 'zanzibarquokka';

/** Sends `type` to the worker from `page` (one of ours), as @webext-core/messaging does. */
async function send(page, type, data) {
  const reply = await page.evaluate(
    ([type, data]) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
    [type, data],
  );
  if (reply?.err) throw new Error(reply.err.message);
  return reply?.res;
}

/** Every URL the browser requested (the worker's tabs included), and the world's log. */
function requestLog(radar) {
  const urls = [];
  radar.context.on('request', (request) => urls.push(request.url()));
  return () => [...urls, ...radar.wire.map((exchange) => exchange.href)];
}

/** The first tab whose URL satisfies `accept`, once there is one. */
const tabWhere = (context, accept, what) =>
  waitUntil(
    () => context.pages().find((page) => accept(page.url())) ?? null,
    (page) => page !== null,
    { what },
  );

/** A tab on one of our pages, the sender of the messages (a page of ours is trusted). */
async function ourPage(radar) {
  const page = await radar.context.newPage();
  await page.goto(`chrome-extension://${radar.extensionId}/popup.html`);
  return page;
}

describe('opening an alternative with the prompt', () => {
  let radar;
  let urls;
  let sender;
  before(async () => {
    radar = await launch({ world: { alternativePages: true } });
    urls = requestLog(radar);
    sender = await ourPage(radar);
    await mkdir(SHOTS, { recursive: true });
  });
  after(() => radar?.close());

  it('opens a short prompt to Claude in its fill-don\u2019t-send URL', async () => {
    const prompt = `Plan a weekend in Turin ${MARKER}-short`;
    assert.equal(await send(sender, 'openAlternative', { alternativeId: 'claude', prompt }), 'url');
    const expected = `https://claude.ai/new?q=${encodeURIComponent(prompt)}`;
    await waitUntil(urls, (all) => all.includes(expected), { what: 'Claude opened with ?q=' });
  });

  it('asks first for a long prompt to Claude, and the prompt is in no URL', async () => {
    const prompt = `${MARKER}-long ${'and then some more words '.repeat(100)}`;
    assert.equal(await send(sender, 'openAlternative', { alternativeId: 'claude', prompt }), 'ask');
    const ask = await tabWhere(
      radar.context,
      (url) => url.includes('/handoff.html?alternative=claude#'),
      'the ask page for Claude',
    );
    await ask.waitForSelector('h1');
    assert.match(await ask.textContent('h1'), /Claude/);
    // The page shows the start of the prompt, as text.
    assert.match(await ask.textContent('blockquote'), new RegExp(`^${MARKER}-long and then`));
    assert.ok(!urls().some((url) => url.includes(`${MARKER}-long`)), 'long prompt in a URL');
    assert.ok(
      !urls().some((url) => url.startsWith('https://claude.ai/') && !url.includes('-short')),
    );
  });

  it('asks for access to Gemini on our page, and its Allow asks the browser for that site only', async () => {
    const prompt = `Rewrite this email politely ${MARKER}-gemini`;
    assert.equal(await send(sender, 'openAlternative', { alternativeId: 'gemini', prompt }), 'ask');
    const ask = await tabWhere(
      radar.context,
      (url) => url.includes('/handoff.html?alternative=gemini#'),
      'the ask page for Gemini',
    );
    await ask.waitForSelector('button.primary');
    const text = await ask.textContent('main');
    assert.match(text, /Type your prompt into Gemini for you\?/);
    assert.match(text, /gemini\.google\.com/);
    assert.match(text, /never send/);
    assert.match(text, /clipboard/);
    assert.equal(await ask.textContent('button.primary'), 'Allow and open Gemini');
    assert.equal(await ask.textContent('button.secondary'), 'Just open Gemini');
    await ask.screenshot({ path: join(SHOTS, 'handoff-ask-en-light.png'), fullPage: true });
    assert.ok(!urls().some((url) => url.includes(`${MARKER}-gemini`)), 'prompt in a URL');
    assert.ok(!urls().some((url) => url.startsWith('https://gemini.google.com/')));

    // The browser's dialog cannot be clicked by automation: record the request instead of
    // showing it, then click Allow as the user would.
    await ask.evaluate(() => {
      window.__asked = [];
      chrome.permissions.request = (permissions) => {
        window.__asked.push(permissions);
        return Promise.resolve(false); // As if the user said no.
      };
    });
    await ask.click('button.primary');
    assert.deepEqual(await ask.evaluate(() => window.__asked), [
      { origins: ['https://gemini.google.com/*'] },
    ]);
    await ask.waitForSelector('.handoff__denied');
    assert.match(await ask.textContent('.handoff__denied'), /paste your prompt/);

    // "Just open Gemini": its home page, as is (the clipboard has the prompt).
    const opened = radar.context.waitForEvent('request', {
      predicate: (request) => request.url().startsWith('https://gemini.google.com/'),
    });
    await ask.click('button.secondary');
    assert.equal((await opened).url(), 'https://gemini.google.com/app');
    assert.ok(!urls().some((url) => url.includes(`${MARKER}-gemini`)), 'prompt in a URL');
  });

  it('types the prompt into Copilot\u2019s composer, where access is held, and sends nothing', async () => {
    const prompt = `Plan my week ${MARKER}-copilot\nwith a second line`;
    assert.equal(
      await send(sender, 'openAlternative', { alternativeId: 'copilot', prompt }),
      'fill',
    );
    const copilot = await tabWhere(
      radar.context,
      (url) => url.startsWith('https://copilot.microsoft.com/'),
      'the Copilot tab',
    );
    await waitUntil(
      () => copilot.evaluate(() => document.querySelector('#userInput')?.value ?? null),
      (value) => value === prompt,
      { what: 'the prompt typed into Copilot' },
    );
    const body = await copilot.evaluate(() => ({ ...document.body.dataset }));
    assert.equal(body.sent, undefined, 'something was sent');
    assert.ok(Number(body.inputs) >= 1, 'no input event');
    assert.ok(!urls().some((url) => url.includes(`${MARKER}-copilot`)), 'prompt in a URL');
    await copilot.screenshot({ path: join(SHOTS, 'handoff-copilot-filled.png') });
  });

  it('types the prompt even when the worker stopped while the tab was loading', async () => {
    // MV3 stops an idle worker; the prompt waits in session storage, and the tab's load wakes
    // the worker. The page answers late, so the worker is surely stopped before it loads.
    const prompt = `Compare these two offers ${MARKER}-restart`;
    const cdp = await radar.context.newCDPSession(sender);
    const states = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) =>
      states.push(...versions.map((version) => version.runningStatus)),
    );
    await cdp.send('ServiceWorker.enable');
    radar.state.alternativePages = { delayMs: 3000 };
    const earlier = new Set(radar.context.pages());
    try {
      assert.equal(
        await send(sender, 'openAlternative', { alternativeId: 'copilot', prompt }),
        'fill',
      );
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitUntil(
        () => states,
        (seen) => seen.includes('stopped'),
        { what: 'the worker stopped' },
      );
      const tab = await waitUntil(
        () =>
          radar.context
            .pages()
            .find(
              (page) =>
                !earlier.has(page) && page.url().startsWith('https://copilot.microsoft.com/'),
            ) ?? null,
        (page) => page !== null,
        { what: 'the new Copilot tab' },
      );
      await waitUntil(
        () => tab.evaluate(() => document.querySelector('#userInput')?.value ?? null),
        (value) => value === prompt,
        { what: 'the prompt typed by the restarted worker' },
      );
      assert.equal(await tab.evaluate(() => document.body.dataset.sent), undefined);
    } finally {
      radar.state.alternativePages = true;
      await cdp.detach();
    }
  });

  it('from the ask page, Allow takes the same tab to the alternative and types the prompt', async () => {
    // Copilot's access is granted already, so the browser answers Allow at once, without a
    // dialog: the worker's granted side runs for real. The waiting prompt is put where the
    // worker keeps it, as openAlternative would for a site not yet granted.
    const prompt = `Summarise the meeting ${MARKER}-granted`;
    await radar.evaluate(
      (entry) => chrome.storage.session.set({ handoffAsks: { 'token-1': entry } }),
      { prompt, alternativeId: 'copilot', expiresAt: Date.now() + 600_000 },
    );
    const ask = await radar.context.newPage();
    await ask.goto(
      `chrome-extension://${radar.extensionId}/handoff.html?alternative=copilot#token-1`,
    );
    await ask.click('button.primary');
    await ask.waitForURL('https://copilot.microsoft.com/');
    await waitUntil(
      () => ask.evaluate(() => document.querySelector('#userInput')?.value ?? null),
      (value) => value === prompt,
      { what: 'the prompt typed after Allow' },
    );
    assert.equal(await ask.evaluate(() => document.body.dataset.sent), undefined);
    const { handoffAsks } = await radar.evaluate(() => chrome.storage.session.get('handoffAsks'));
    assert.deepEqual(handoffAsks, {});
    assert.ok(!urls().some((url) => url.includes(`${MARKER}-granted`)), 'prompt in a URL');
  });

  it('says so when the prompt has expired, and offers the alternative', async () => {
    const page = await radar.context.newPage();
    await page.goto(`chrome-extension://${radar.extensionId}/handoff.html?alternative=gemini#gone`);
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), 'This prompt is no longer here');
    assert.equal(await page.textContent('button.primary'), 'Open Gemini');
  });

  it('does not open tabs for a page of another site', async () => {
    // A ChatGPT page's own script has no way to message the worker at all.
    const page = await radar.context.newPage();
    await page.goto('https://chatgpt.com/');
    assert.equal(
      await page.evaluate(() => typeof globalThis.chrome?.runtime?.sendMessage),
      'undefined',
    );
  });
});

for (const { locale, colorScheme } of [
  { locale: 'en-US', colorScheme: 'dark' },
  { locale: 'it-IT', colorScheme: 'light' },
  { locale: 'it-IT', colorScheme: 'dark' },
]) {
  describe(`the ask page in ${locale}, ${colorScheme}`, () => {
    let radar;
    before(async () => {
      radar = await launch({ locale, colorScheme });
    });
    after(() => radar?.close());

    it('renders, in the browser\u2019s language', async () => {
      const sender = await ourPage(radar);
      const prompt =
        locale === 'it-IT'
          ? 'Scrivi una mail gentile al condominio per il rumore dei lavori, con tono cordiale ma fermo.'
          : 'Write a polite email to the building manager about the noise from the works.';
      assert.equal(
        await send(sender, 'openAlternative', { alternativeId: 'gemini', prompt }),
        'ask',
      );
      const ask = await tabWhere(
        radar.context,
        (url) => url.includes('/handoff.html?'),
        'the ask page',
      );
      await ask.waitForSelector('button.primary');
      if (locale === 'it-IT') {
        assert.equal(await ask.textContent('h1'), 'Scriviamo noi il prompt su Gemini?');
        assert.equal(await ask.textContent('button.primary'), 'Consenti e apri Gemini');
      }
      const lang = locale.slice(0, 2);
      await ask.screenshot({
        path: join(SHOTS, `handoff-ask-${lang}-${colorScheme}.png`),
        fullPage: true,
      });
    });
  });
}
