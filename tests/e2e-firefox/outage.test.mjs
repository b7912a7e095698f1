// The core outage story of ../e2e/outage.test.mjs, in Firefox: the Firefox build
// (.output/firefox-mv2, MV2, `browserAction`) in firefox-esr, in the same fixture world.
/* global browser */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  checkNow,
  launch,
  ROOT,
  stateOf,
  TIMEOUT,
  waitForText,
  waitInPage,
  waitUntil,
} from './harness.mjs';
import { SINCE_EN } from '../e2e/since-text.mjs';

const SHOTS = join(ROOT, 'test-results');
const BANNER = 'ai-outage-radar-banner';
// No step should take this long; it only keeps a stuck browser from hanging the run.
const STEP = { timeout: 4 * TIMEOUT };

describe('Firefox: an OpenAI outage, from status page to badge, popup, notification and banner', () => {
  let radar;
  let popup;
  let chatgpt;

  before(async () => {
    await mkdir(SHOTS, { recursive: true });
    radar = await launch();
  }, STEP);
  after(() => radar?.close());

  it('checks on install and shows a healthy OpenAI', STEP, async (t) => {
    t.diagnostic(radar.version);
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
    const alarms = await radar.evaluate(() => browser.alarms.getAll());
    assert.ok(alarms.some((a) => a.name === 'check' && a.periodInMinutes === 1));
    // OpenAI's status page was read from the fixture world, through the proxy.
    assert.ok(radar.wire.some((w) => w.href.startsWith('https://status.openai.com/')));
    assert.ok(radar.tunnels.includes('status.openai.com:443'));

    popup = await radar.openPopup();
    await waitForText(popup, 'All your AI tools work');
    const names = await popup.$$eval('.service__name', (all) => all.map((n) => n.textContent));
    for (const name of ['ChatGPT', 'Sora', 'OpenAI API', 'OpenAI Login']) {
      assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    }
    assert.match(
      await popup.$eval('.popup__checked', (el) => el.innerText),
      /^Updated (now|\d+ seconds? ago)$/,
    );
    await popup.screenshot({ path: join(SHOTS, 'firefox-popup-healthy.png'), fullPage: true });
  });

  it('shows no banner on chatgpt.com while all is well', STEP, async () => {
    chatgpt = await radar.openPage('https://chatgpt.com/');
    await chatgpt.waitForSelector('#prompt-textarea');
    // The watcher would have read storage well within this; the banner would be there by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await chatgpt.$(BANNER), null);
    const manifest = await radar.evaluate(() => browser.runtime.getManifest());
    // Firefox lists a missing key as null.
    assert.equal(manifest.content_scripts ?? null, null);
    assert.deepEqual(
      await radar.evaluate(() => browser.scripting.getRegisteredContentScripts()),
      [],
    );
  });

  it('sees the outage on "Check now": badge, popup, one notification', STEP, async () => {
    radar.state.openai = 'outage';
    await checkNow(popup);
    await waitForText(popup, '2 services in trouble: ChatGPT and OpenAI Login');
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'chatgpt'), 'major_outage');
    assert.equal(stateOf(snapshot, 'sora'), 'operational');
    assert.equal(stateOf(snapshot, 'openai-api'), 'operational');
    assert.equal(stateOf(snapshot, 'codex'), 'operational');

    const row = await popup.evaluate(() => {
      const service = [...document.querySelectorAll('.service')].find(
        (el) => el.querySelector('.service__name')?.textContent === 'ChatGPT',
      );
      const details = [...service.querySelectorAll('a')].find((a) => a.textContent === 'Details');
      return { text: service.innerText, details: details?.getAttribute('href') };
    });
    assert.match(row.text, /Major outage/);
    assert.match(row.text, SINCE_EN);
    assert.match(row.text, /Elevated errors across ChatGPT, Codex, and the API/);
    assert.match(row.text, /Affected: Conversations and Login/);
    assert.equal(row.details, 'https://status.openai.com/incidents/01JRB888M6TJVDDKGCA1YZ3ZHT');
    await popup.screenshot({ path: join(SHOTS, 'firefox-popup-outage.png'), fullPage: true });

    const badge = await radar.badge();
    assert.equal(badge.text, 'DOWN');
    assert.deepEqual(badge.color, [217, 48, 37, 255]);
    assert.match(badge.title, /ChatGPT: Major outage/);

    const notifications = await waitUntil(
      radar.notifications,
      (all) => Object.keys(all).length > 0,
      { what: 'the outage notification' },
    );
    const ids = Object.keys(notifications);
    assert.equal(ids.length, 1, `one notification, got ${ids.join(', ')}`);
    assert.match(ids[0], /^outage\|trouble\|/);
  });

  it('shows the banner on the open ChatGPT tab', STEP, async () => {
    // The banner lives in a closed shadow root: only its host element can be seen from the
    // page. What it says is in the screenshot.
    await chatgpt.bringToFront();
    await chatgpt.waitForSelector(BANNER);
    assert.deepEqual(
      await radar.evaluate(() =>
        browser.scripting.getRegisteredContentScripts().then((all) => all.map((s) => s.id)),
      ),
      ['outage-banner'],
    );
    await chatgpt.screenshot({ path: join(SHOTS, 'firefox-banner-outage.png') });
    // The page keeps working under the banner.
    await chatgpt.click('#send');
    assert.equal(await chatgpt.$eval('#send', (el) => el.getAttribute('data-clicks')), '1');
  });

  it('does not notify again while the outage goes on', STEP, async () => {
    await checkNow(popup);
    await checkNow(popup);
    assert.equal(stateOf(await radar.snapshot(), 'chatgpt'), 'major_outage');
    assert.equal(Object.keys(await radar.notifications()).length, 1);
  });

  it('removes the banner and notifies once on recovery', STEP, async () => {
    radar.state.openai = 'healthy';
    await checkNow(popup);
    await waitForText(popup, 'All your AI tools work');
    await waitInPage(chatgpt, (tag) => !document.querySelector(tag), {
      arg: BANNER,
      what: 'the banner to go',
    });
    assert.equal(stateOf(await radar.snapshot(), 'chatgpt'), 'operational');
    await waitUntil(
      () => radar.evaluate(() => browser.scripting.getRegisteredContentScripts()),
      (scripts) => scripts.length === 0,
      { what: 'the banner script to be unregistered' },
    );
    assert.equal((await radar.badge()).text, 'OK');
    // The snapshot is written first; the notification follows it.
    const ids = Object.keys(
      await waitUntil(
        radar.notifications,
        (all) => Object.keys(all).some((id) => id.startsWith('outage|recovered|')),
        { what: 'the recovery notification' },
      ),
    );
    assert.equal(ids.filter((id) => id.startsWith('outage|recovered|')).length, 1);
    assert.equal(ids.filter((id) => id.startsWith('outage|trouble|')).length, 1);
    await popup.bringToFront();
    await popup.screenshot({ path: join(SHOTS, 'firefox-popup-recovered.png'), fullPage: true });
    await chatgpt.bringToFront();
    await chatgpt.screenshot({ path: join(SHOTS, 'firefox-chatgpt-recovered.png') });
  });
});
