// The banner on each OpenAI site the user works on: about that site's product, with
// alternatives of its kind, the user's preferred first; snoozed for an hour or until recovery;
// off when the settings say so; never over the composer; still there after the site's SPA
// rebuilds the page. Screenshots of it on ChatGPT and Sora, light and dark, wide and narrow.
/* global history -- the page's own, in code that runs in the page */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BANNER_HOST,
  bannerLinks,
  bannerText,
  clickInBanner,
  inBanner,
  launch,
  ROOT,
  stateOf,
  waitForBanner,
  waitUntil,
} from './harness.mjs';

const SHOTS = join(ROOT, 'test-results');
const WIDE = { width: 1280, height: 720 };
const NARROW = { width: 400, height: 720 };
/** What the banner says happened to the prompt, whichever way the worker took it. */
const PROMPT_FATE =
  /typed in .+: check it and send|typing your prompt into|Allow us to type it|on your clipboard: paste it with/;

/** The registered banner scripts' ids, sorted. */
const registered = (radar) =>
  radar
    .evaluate(() => chrome.scripting.getRegisteredContentScripts())
    .then((scripts) => scripts.map((script) => script.id).sort());

/** The user's settings in storage.sync, as the options page would write them. */
const setSettings = (radar, settings) =>
  radar.evaluate((settings) => chrome.storage.sync.set({ settings }), settings);

const snoozes = (radar) =>
  radar.evaluate(async () => (await chrome.storage.local.get('bannerSnoozes')).bannerSnoozes);

/** The banner's box and the composer's, in viewport pixels. */
async function boxes(page, composer) {
  const [banner] = await inBanner(page, '.banner', (element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  });
  const box = await page.locator(composer).boundingBox();
  return {
    banner,
    composer: { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height },
  };
}

const overlaps = (a, b) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The banner never covers the composer, wide and narrow; screenshots of both. */
async function assertComposerFree(page, composer, shot) {
  for (const [size, viewport] of [
    ['wide', WIDE],
    ['narrow', NARROW],
  ]) {
    await page.setViewportSize(viewport);
    await waitForBanner(page);
    const { banner, composer: box } = await boxes(page, composer);
    assert.ok(banner.bottom > banner.top, `${shot} ${size}: the banner has a box`);
    assert.ok(!overlaps(banner, box), `${shot} ${size}: ${JSON.stringify({ banner, box })}`);
    assert.ok(banner.right <= viewport.width, `${shot} ${size}: no horizontal overflow`);
    if (shot) await page.screenshot({ path: join(SHOTS, `${shot}-${size}.png`) });
  }
  await page.setViewportSize(WIDE);
}

/** Light and dark, wide and narrow: `banner-<name>-<scheme>-<size>.png`. */
async function screenshots(page, name, composer) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await assertComposerFree(page, composer, `banner-${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A launch in which `product` is in trouble, the banner's script registered for `script`. */
async function launchInTrouble(scenario, product, script, options = {}) {
  const radar = await launch({ ...options, world: { openai: scenario } });
  await waitUntil(
    radar.snapshot,
    (s) => ['major_outage', 'partial_outage'].includes(stateOf(s, product)),
    {
      what: `${product} in trouble`,
    },
  );
  await waitUntil(
    () => registered(radar),
    (ids) => ids.includes(script),
    {
      what: `the banner registered (${script})`,
    },
  );
  return radar;
}

describe('the banner on Sora during a Sora outage', () => {
  let radar;
  let sora;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    radar = await launchInTrouble('sora-outage', 'sora', 'outage-banner-sora');
  });
  after(() => radar?.close());

  it('registers for Sora’s pages only: nothing runs on ChatGPT', async () => {
    assert.deepEqual(await registered(radar), ['outage-banner-sora']);
    assert.notEqual(stateOf(await radar.snapshot(), 'chatgpt'), 'major_outage');
  });

  it('shows on sora.chatgpt.com, about Sora, offering video alternatives', async () => {
    sora = await radar.context.newPage();
    await sora.goto('https://sora.chatgpt.com/explore');
    const text = await waitForBanner(sora);
    assert.match(text, /Sora is having problems/);
    assert.deepEqual(await bannerLinks(sora, '.banner__alternative'), [
      ['Gemini (Veo)', 'https://gemini.google.com/app'],
      ['Grok Imagine', 'https://grok.com/imagine'],
    ]);
    assert.match(text, /Your prompt comes with you; it is copied to your clipboard too\./);
  });

  it('shows on sora.com too, and not on chatgpt.com', async () => {
    const soraCom = await radar.context.newPage();
    await soraCom.goto('https://sora.com/library');
    assert.match(await waitForBanner(soraCom), /Sora is having problems/);
    await soraCom.close();
    const chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').waitFor();
    // Nothing is registered for ChatGPT (above); give a stray script time to show anyway.
    await chatgpt.waitForTimeout(1500);
    assert.equal(await chatgpt.locator(BANNER_HOST).count(), 0);
    await chatgpt.close();
  });

  it('puts the user’s preferred alternative first', async () => {
    await setSettings(radar, { preferredAlternatives: ['grok-imagine'] });
    await waitUntil(
      () => bannerLinks(sora, '.banner__alternative'),
      (links) => links[0]?.[0] === 'Grok Imagine',
      { what: 'Grok Imagine first' },
    );
  });

  it('never covers Sora’s prompt bar, wide or narrow (screenshots)', async () => {
    await setSettings(radar, {});
    await screenshots(sora, 'sora', 'form');
  });

  it('carries the typed prompt to the alternative on one click', async () => {
    await radar.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://sora.chatgpt.com',
    });
    const prompt = 'A red fox running through fresh snow at dawn';
    await sora.locator('textarea').fill(prompt);
    const urls = [];
    radar.context.on('request', (request) => urls.push(request.url()));
    // Gemini takes no prompt in a URL and we have no access to it yet: the worker opens our
    // page that asks for it (tests/e2e/prompt-follows.test.mjs follows the other ways).
    const opened = radar.context.waitForEvent('page', {
      predicate: (page) => page.url().includes('/handoff.html?alternative=gemini-veo#'),
    });
    await clickInBanner(sora, '[data-alternative="gemini-veo"]');
    await opened;
    await waitUntil(
      () => bannerText(sora),
      (text) => PROMPT_FATE.test(text ?? ''),
      { what: 'the banner saying what became of the prompt' },
    );
    assert.equal(await sora.evaluate(() => navigator.clipboard.readText()), prompt);
    // Gemini takes no prompt in its URL: it is in no request URL.
    const words = encodeURIComponent('red fox');
    assert.deepEqual(
      urls.filter((url) => url.includes(words) || url.includes('red+fox')),
      [],
    );
  });
});

describe('the banner on the API platform during an API outage', () => {
  let radar;

  before(async () => {
    radar = await launchInTrouble('api-outage', 'openai-api', 'outage-banner-platform');
  });
  after(() => radar?.close());

  it('shows on platform.openai.com, about the API, offering the consoles', async () => {
    const platform = await radar.context.newPage();
    await platform.goto('https://platform.openai.com/playground');
    assert.match(await waitForBanner(platform), /OpenAI API is having problems/);
    const names = (await bannerLinks(platform, '.banner__alternative')).map(([name]) => name);
    assert.ok(names.length > 0);
    for (const name of names)
      assert.ok(
        [
          'Claude Console',
          'Google AI Studio',
          'Mistral AI Studio',
          'GroqCloud',
          'DeepSeek Platform',
        ].includes(name),
        name,
      );
    await assertComposerFree(platform, 'form', 'banner-platform');
  });
});

describe('the banner on ChatGPT: snooze, settings, SPA navigation', () => {
  let radar;
  let chatgpt;

  before(async () => {
    radar = await launchInTrouble('outage', 'chatgpt', 'outage-banner');
    chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await waitForBanner(chatgpt);
  });
  after(() => radar?.close());

  it('never covers the composer, wide or narrow (screenshots)', async () => {
    await screenshots(chatgpt, 'chatgpt', 'form');
  });

  it('carries the typed prompt on one click, in no request URL, and says where it went', async () => {
    await radar.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://chatgpt.com',
    });
    const prompt = 'Summarize the June 2025 outage & its causes';
    await chatgpt.locator('#prompt-textarea').fill(prompt);
    const urls = [];
    radar.context.on('request', (request) => urls.push(request.url()));
    // Gemini takes no prompt in a URL and we have no access to it yet: the worker opens our
    // page that asks for it, and the prompt waits in session storage, in no URL.
    const opened = radar.context.waitForEvent('page', {
      predicate: (page) => page.url().includes('/handoff.html?alternative=gemini#'),
    });
    await clickInBanner(chatgpt, '[data-alternative="gemini"]');
    await opened;
    await waitUntil(
      () => bannerText(chatgpt),
      (text) => PROMPT_FATE.test(text ?? ''),
      { what: 'the banner saying what became of the prompt' },
    );
    assert.equal(await chatgpt.evaluate(() => navigator.clipboard.readText()), prompt);
    assert.deepEqual(
      urls.filter((url) => url.includes('June%202025') || url.includes('June+2025')),
      [],
      'the prompt is in no request URL',
    );
    // The link itself never carries the prompt.
    assert.deepEqual(await bannerLinks(chatgpt, '[data-alternative="gemini"]'), [
      ['Gemini', 'https://gemini.google.com/app'],
    ]);
    await chatgpt.screenshot({ path: join(SHOTS, 'banner-chatgpt-prompt-carried.png') });
    await chatgpt.bringToFront();
    await chatgpt.locator('#prompt-textarea').fill('');
  });

  it('stays when the app empties <body> and changes the URL with pushState', async () => {
    await chatgpt.evaluate(() => {
      for (const child of [...document.body.children]) child.remove();
      history.pushState({}, '', '/c/new-conversation');
      const main = document.createElement('main');
      main.textContent = 'A new conversation';
      document.body.append(main);
    });
    assert.equal(new URL(chatgpt.url()).pathname, '/c/new-conversation');
    assert.match(await waitForBanner(chatgpt), /ChatGPT is having problems/);
    // A new <body> altogether.
    await chatgpt.evaluate(() => {
      document.documentElement.replaceChild(document.createElement('body'), document.body);
      history.pushState({}, '', '/c/another');
    });
    await waitUntil(
      () => chatgpt.evaluate((host) => document.body.querySelector(host) !== null, BANNER_HOST),
      (inBody) => inBody,
      { what: 'the banner back in the new body' },
    );
    assert.match(await bannerText(chatgpt), /ChatGPT is having problems/);
    await chatgpt.goto('https://chatgpt.com/');
    await waitForBanner(chatgpt);
  });

  it('snoozes for an hour, and comes back when the hour is over and the outage goes on', async () => {
    await clickInBanner(chatgpt, '.banner__snooze-toggle');
    await chatgpt.screenshot({ path: join(SHOTS, 'banner-chatgpt-snooze-menu.png') });
    await clickInBanner(chatgpt, '.banner__snooze-hour');
    await chatgpt.locator(BANNER_HOST).waitFor({ state: 'detached', timeout: 5_000 });
    const { chatgpt: snooze } = await waitUntil(
      () => snoozes(radar),
      (value) => value?.chatgpt?.until > Date.now(),
      { what: 'the hour’s snooze stored' },
    );
    assert.ok(snooze.until - Date.now() > 59 * 60_000);
    await waitUntil(
      () => registered(radar),
      (ids) => !ids.includes('outage-banner'),
      { what: 'the script unregistered' },
    );
    // An hour passes: the worker's minute alarm finds the snooze over.
    await radar.evaluate(() =>
      chrome.storage.local.set({ bannerSnoozes: { chatgpt: { until: Date.now() - 1 } } }),
    );
    await radar.letTimePass(60_000);
    await radar.fireCheckAlarm();
    assert.match(await waitForBanner(chatgpt, { timeout: 10_000 }), /ChatGPT is having problems/);
  });

  it('stays off where the settings turn it off, and comes back when they turn it on', async () => {
    await setSettings(radar, { banner: { enabled: true, sites: { chatgpt: false } } });
    await chatgpt.locator(BANNER_HOST).waitFor({ state: 'detached', timeout: 5_000 });
    await waitUntil(
      () => registered(radar),
      (ids) => !ids.includes('outage-banner'),
      { what: 'the script unregistered' },
    );
    await chatgpt.reload();
    await chatgpt.locator('#prompt-textarea').waitFor();
    await chatgpt.waitForTimeout(1500);
    assert.equal(await chatgpt.locator(BANNER_HOST).count(), 0);
    await setSettings(radar, { banner: { enabled: false } });
    await setSettings(radar, {});
    assert.match(await waitForBanner(chatgpt, { timeout: 10_000 }), /ChatGPT is having problems/);
  });

  it('snoozes until recovery: gone for this outage, even after a reload', async () => {
    const { openedAt } = (await radar.snapshot()).services.find((s) => s.id === 'chatgpt');
    await clickInBanner(chatgpt, '.banner__snooze-toggle');
    await clickInBanner(chatgpt, '.banner__snooze-outage');
    await chatgpt.locator(BANNER_HOST).waitFor({ state: 'detached', timeout: 5_000 });
    await waitUntil(
      () => snoozes(radar),
      (value) => value?.chatgpt?.openedAt === openedAt,
      { what: 'the snooze until recovery stored' },
    );
    await chatgpt.reload();
    await chatgpt.locator('#prompt-textarea').waitFor();
    await chatgpt.waitForTimeout(1500);
    assert.equal(await chatgpt.locator(BANNER_HOST).count(), 0);
  });
});

describe('the banner in Italian', () => {
  let radar;

  before(async () => {
    radar = await launchInTrouble('outage', 'chatgpt', 'outage-banner', { locale: 'it-IT' });
  });
  after(() => radar?.close());

  it('speaks Italian on ChatGPT, then on Sora (screenshots)', async () => {
    const chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    const text = await waitForBanner(chatgpt);
    assert.match(text, /ChatGPT ha dei problemi/);
    assert.match(text, /Il prompt viene con te/);
    await screenshots(chatgpt, 'chatgpt-it', 'form');
    radar.state.openai = 'sora-outage';
    // A page in trouble is due again after the trouble interval: 2 min, 144 s at most with
    // its jitter (utils/cadence/cadence.ts).
    await radar.letTimePass(150_000);
    await radar.fireCheckAlarm();
    await waitUntil(
      () => registered(radar),
      (ids) => ids.includes('outage-banner-sora'),
      {
        what: 'the banner registered for Sora',
      },
    );
    const sora = await radar.context.newPage();
    await sora.goto('https://sora.chatgpt.com/');
    assert.match(await waitForBanner(sora), /Sora ha dei problemi/);
    await screenshots(sora, 'sora-it', 'form');
  });
});
