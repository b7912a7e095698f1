import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  bannerCount,
  bannerLinks,
  clickInBanner,
  launch,
  ROOT,
  stateOf,
  waitForBanner,
  waitUntil,
} from './harness.mjs';
import { SINCE_EN } from './since-text.mjs';

const SHOTS = join(ROOT, 'test-results');

describe('an OpenAI outage, from status page to badge, popup, notification and banner', () => {
  let radar;
  let popup;
  let chatgpt;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    radar = await launch();
  });
  after(() => radar?.close());

  it('checks on install and shows a healthy OpenAI', async () => {
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => s?.services.every((service) => service.state === 'operational'),
      { what: 'every service operational' },
    );
    assert.deepEqual(
      snapshot.services.filter((s) => s.providerId === 'openai').map((s) => [s.id, s.state]),
      [
        ['chatgpt', 'operational'],
        ['sora', 'operational'],
        ['openai-api', 'operational'],
        ['codex', 'operational'],
        ['openai-login', 'operational'],
      ],
    );
    const badge = await radar.badge();
    assert.equal(badge.text, 'OK');
    assert.deepEqual(badge.color, [30, 142, 62, 255]);
    const alarms = await radar.evaluate(() => chrome.alarms.getAll());
    assert.ok(alarms.some((a) => a.name === 'check' && a.periodInMinutes === 1));

    popup = await radar.openPopup();
    await popup.getByText('All your AI tools work').waitFor();
    for (const name of ['ChatGPT', 'Sora', 'OpenAI API', 'OpenAI Login']) {
      await popup.locator('.service__name', { hasText: name }).waitFor();
    }
    assert.match(
      await popup.locator('.popup__checked').innerText(),
      /^Updated (now|\d+ seconds? ago)$/,
    );
    await popup.screenshot({ path: join(SHOTS, 'popup-healthy.png'), fullPage: true });
  });

  it('shows no banner on chatgpt.com while all is well', async () => {
    chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').waitFor();
    // The watcher has read storage well within this; the banner would be injected by now.
    await chatgpt.waitForTimeout(1500);
    assert.equal(await chatgpt.locator('ai-outage-radar-banner').count(), 0);
    // Nothing of ours runs on ChatGPT while all is well.
    const manifest = await radar.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.content_scripts, undefined);
    assert.deepEqual(
      await radar.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
      [],
    );
  });

  it('sees the outage on "Check now": badge, popup, one notification', async () => {
    radar.state.openai = 'outage';
    await popup.getByRole('button', { name: 'Check now' }).click();
    // The page in its real 2026 shape: only the native feed knows that Conversations and this
    // Login sit in the ChatGPT group; the incident names them by id.
    await popup.getByText('2 services in trouble: ChatGPT and OpenAI Login').waitFor();
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'chatgpt'), 'major_outage');
    assert.equal(stateOf(snapshot, 'sora'), 'operational');
    assert.equal(stateOf(snapshot, 'openai-api'), 'operational');
    assert.equal(stateOf(snapshot, 'codex'), 'operational');

    const chatgptRow = popup.locator('.service', {
      has: popup.locator('.service__name', { hasText: /^ChatGPT$/ }),
    });
    const rowText = await chatgptRow.innerText();
    assert.match(rowText, /Major outage/);
    assert.match(rowText, SINCE_EN);
    assert.match(rowText, /Elevated errors across ChatGPT, Codex, and the API/);
    assert.match(rowText, /Affected: Conversations and Login/);
    assert.equal(
      await chatgptRow.getByRole('link', { name: 'Details' }).getAttribute('href'),
      'https://status.openai.com/incidents/01JRB888M6TJVDDKGCA1YZ3ZHT',
    );
    await popup.screenshot({ path: join(SHOTS, 'popup-outage.png'), fullPage: true });

    const badge = await radar.badge();
    assert.equal(badge.text, 'DOWN');
    assert.deepEqual(badge.color, [217, 48, 37, 255]);
    assert.match(badge.title, /ChatGPT: Major outage/);

    const notifications = await waitUntil(
      radar.notifications,
      (all) => Object.keys(all).length > 0,
      {
        what: 'the outage notification',
      },
    );
    const ids = Object.keys(notifications);
    assert.equal(ids.length, 1, `one notification, got ${ids.join(', ')}`);
    assert.match(ids[0], /^outage\|trouble\|/);
  });

  it('shows the banner on the open ChatGPT tab within seconds', async () => {
    // The banner's shadow root is closed: the harness reads it over CDP.
    const text = await waitForBanner(chatgpt, { timeout: 5_000 });
    assert.match(text, /ChatGPT is having problems/);
    assert.match(text, new RegExp(`Major outage ${SINCE_EN.source}`));
    assert.match(text, /Conversations and Login/);
    const alternatives = await bannerLinks(chatgpt, '.banner__alternative');
    assert.deepEqual(alternatives, [
      ['Claude', 'https://claude.ai/new'],
      ['Gemini', 'https://gemini.google.com/app'],
      ['Le Chat', 'https://chat.mistral.ai/chat'],
      ['Microsoft Copilot', 'https://copilot.microsoft.com/'],
      ['Perplexity', 'https://www.perplexity.ai/'],
      ['DeepSeek', 'https://chat.deepseek.com/'],
      ['Grok', 'https://grok.com/'],
    ]);
    await chatgpt.screenshot({ path: join(SHOTS, 'banner-outage.png') });
    // The page keeps working under the banner.
    await chatgpt.locator('#send').click();
    assert.equal(await chatgpt.locator('#send').getAttribute('data-clicks'), '1');
  });

  it('does not notify again while the outage goes on', async () => {
    await popup.getByRole('button', { name: 'Check now' }).click();
    await popup.getByRole('button', { name: 'Check now' }).waitFor();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await popup.getByRole('button', { name: 'Check now' }).waitFor();
    assert.equal(Object.keys(await radar.notifications()).length, 1);
  });

  it('removes the banner and notifies once on recovery', async () => {
    radar.state.openai = 'healthy';
    // This time the periodic alarm does the check, as it does for users: a minute later,
    // when a page in trouble is due again.
    await radar.letTimePass(60_000);
    await radar.fireCheckAlarm();
    await chatgpt.locator('ai-outage-radar-banner').waitFor({ state: 'detached', timeout: 10_000 });
    await popup.getByText('All your AI tools work').waitFor();
    await waitUntil(
      () => radar.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
      (scripts) => scripts.length === 0,
      { what: 'the banner script to be unregistered' },
    );
    assert.equal((await radar.badge()).text, 'OK');
    // The snapshot is written first; the notification follows it.
    const ids = Object.keys(
      await waitUntil(
        radar.notifications,
        (all) => Object.keys(all).some((id) => id.startsWith('outage|recovered|')),
        {
          what: 'the recovery notification',
        },
      ),
    );
    assert.equal(ids.filter((id) => id.startsWith('outage|recovered|')).length, 1);
    assert.equal(ids.filter((id) => id.startsWith('outage|trouble|')).length, 1);
  });

  it('shows the banner again for the next outage, and snoozing it lasts for that outage', async () => {
    radar.state.openai = 'outage';
    await popup.getByRole('button', { name: 'Check now' }).click();
    await waitForBanner(chatgpt, { timeout: 5_000 });
    await clickInBanner(chatgpt, '.banner__snooze-toggle');
    await clickInBanner(chatgpt, '.banner__snooze-outage');
    await chatgpt.locator('ai-outage-radar-banner').waitFor({ state: 'detached' });
    await chatgpt.reload();
    await chatgpt.locator('#prompt-textarea').waitFor();
    await chatgpt.waitForTimeout(1500);
    assert.equal(await chatgpt.locator('ai-outage-radar-banner').count(), 0);
  });
});

describe('bad input from the status page', () => {
  let radar;
  before(async () => {
    radar = await launch({ colorScheme: 'dark' });
    await waitUntil(radar.snapshot, (s) => s !== null, { what: 'first snapshot' });
  });
  after(() => radar?.close());

  it('renders an incident title with HTML and script as plain text', async () => {
    radar.state.openai = 'hostile';
    const popup = await radar.openPopup();
    await popup.getByRole('button', { name: 'Check now' }).click();
    const title = popup.locator('.service__incident-title').first();
    await title.waitFor();
    assert.match(await title.innerText(), /<img src=x onerror=alert\(1\)><script>/);
    assert.equal(await popup.locator('.service img, .service script').count(), 0);
    await popup.screenshot({ path: join(SHOTS, 'popup-hostile-dark.png'), fullPage: true });

    const chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    assert.match(
      await waitForBanner(chatgpt, { timeout: 5_000 }),
      /<script>alert\("x"\)<\/script> Elevated errors/,
    );
    assert.equal(await bannerCount(chatgpt, 'img, script'), 0);
    // An incident id of "javascript:alert(1)" stays a path on the status page's own origin.
    const [[, statusHref]] = await bannerLinks(chatgpt, '.banner__status');
    assert.match(statusHref, /^https:\/\/status\.openai\.com\/incidents\/javascript%3Aalert\(1\)$/);
    await chatgpt.screenshot({ path: join(SHOTS, 'banner-hostile-dark.png') });
  });

  it('turns an HTML bot challenge into "unknown", never "down" or "operational"', async () => {
    radar.state.openai = { status: 200, body: '<!doctype html><title>Just a moment...</title>' };
    const popup = await radar.openPopup();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await popup
      .getByText('The status page sent something that is not status data.')
      .first()
      .waitFor();
    const snapshot = await radar.snapshot();
    // The last good read (the hostile page a moment ago: its incident's full outage of
    // Conversations) is kept, and said to be kept.
    assert.equal(stateOf(snapshot, 'chatgpt'), 'major_outage');
    assert.ok(
      snapshot.services[0].reasons.some((reason) => reason.key === 'reason_keptLastRead'),
      JSON.stringify(snapshot.services[0].reasons),
    );
  });
});
