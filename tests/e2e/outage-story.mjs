// The core outage story, one scenario for both browsers: tests/e2e/outage.test.mjs runs it in
// Chromium, tests/e2e-firefox/outage.test.mjs in Firefox. Each passes a driver for what the
// two harnesses do differently (waiting for text, "Check now", the closed shadow root's
// banner, letting the periodic check run); everything the story asserts is written once here.
// Pages are driven only through what Playwright's and puppeteer's pages share (evaluate, $,
// $eval, click, waitForSelector, bringToFront, screenshot).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SINCE_EN } from './since-text.mjs';
import { stateOf, waitUntil } from './wait.mjs';

const BANNER = 'ai-outage-radar-banner';

/** In the worker (Chromium) or an extension page (Firefox): whichever namespace is there. */
const registeredScripts = () =>
  (globalThis.browser ?? globalThis.chrome).scripting.getRegisteredContentScripts();
/** The worker's own record of what it told the user, by service (utils/notify/pace.ts). */
const notificationLog = async () =>
  (await (globalThis.browser ?? globalThis.chrome).storage.local.get('notificationLog'))
    .notificationLog ?? {};

/**
 * @typedef {object} StoryDriver
 * @property {string} browser What the describe names ("Chromium", "Firefox").
 * @property {string} shots Folder for the screenshots.
 * @property {string} prefix Prefix of each screenshot's name.
 * @property {object} [step] node:test options for each step (a slower browser's timeout).
 * @property {number} [wait] How long to wait for the worker's state (waitUntil's default else).
 * @property {() => Promise<any>} launch A radar: state, snapshot, badge, notifications, evaluate,
 *   openPopup, close, as the browser's harness makes it.
 * @property {(radar: any) => Promise<any>} openChatGpt A tab on https://chatgpt.com/.
 * @property {(page: any, text: string) => Promise<void>} waitForText
 * @property {(popup: any) => Promise<void>} checkNow Clicks "Check now", waits for the check.
 * @property {(radar: any, popup: any) => Promise<void>} recheck The check that sees recovery.
 * @property {(page: any) => Promise<string|null>} waitForBanner Its text, or null where the
 *   closed shadow root cannot be read (the host element is then waited for).
 * @property {(page: any) => Promise<string[][]|null>} bannerAlternatives Or null, likewise.
 * @property {(page: any) => Promise<void>} waitForNoBanner
 * @property {(radar: any, t: any) => void} [checkWire] What the browser's world saw.
 */

/**
 * Defines the story's steps in a describe of their own. `more(story)` may add steps that go on
 * from its end, with `story.radar`, `story.popup` and `story.chatgpt`.
 * @param {StoryDriver} driver
 */
export function outageStory(driver, more) {
  const step = driver.step ?? {};
  const shot = (page, name, fullPage = true) =>
    page.screenshot({ path: join(driver.shots, `${driver.prefix}${name}.png`), fullPage });

  describe(`${driver.browser}: an OpenAI outage, from status page to badge, popup, notification and banner`, () => {
    const story = { radar: null, popup: null, chatgpt: null };
    // Every notification id shown so far. A browser closes a notification by itself (headless
    // Chromium after about 8 s, as if timed out), so what it still lists is not what the worker
    // raised: the story counts what it has seen, and reads the worker's own record.
    const seen = new Set();
    const shown = async () => {
      const ids = Object.keys(await story.radar.notifications());
      for (const id of ids) seen.add(id);
      return ids;
    };
    const seenLike = (prefix) => [...seen].filter((id) => id.startsWith(prefix));

    let watching;
    before(async () => {
      await mkdir(driver.shots, { recursive: true });
      story.radar = await driver.launch();
      // Looks often enough that no notification closes unseen.
      watching = setInterval(() => shown().catch(() => undefined), 250);
    }, step);
    after(() => {
      clearInterval(watching);
      return story.radar?.close();
    });

    it('checks on install and shows a healthy OpenAI', step, async (t) => {
      const { radar } = story;
      const snapshot = await waitUntil(
        radar.snapshot,
        (s) => s?.services.every((service) => service.state === 'operational'),
        { what: 'every service operational', timeout: driver.wait },
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
      const alarms = await radar.evaluate(() =>
        (globalThis.browser ?? globalThis.chrome).alarms.getAll(),
      );
      // The worker sleeps until a page or probe falls due: the check alarm is set, for within
      // the 24 minutes a calm page may draw (its period, 25, is a safety net).
      const check = alarms.find((a) => a.name === 'check');
      assert.ok(check, 'a check alarm');
      assert.ok(check.scheduledTime <= Date.now() + 24 * 60_000 + 5_000, 'due within 24 min');
      assert.equal(check.periodInMinutes, 25);
      await driver.checkWire?.(radar, t);

      story.popup = await radar.openPopup();
      await driver.waitForText(story.popup, 'All your AI tools work');
      const names = await story.popup.$$eval('.service__name', (all) =>
        all.map((name) => name.textContent),
      );
      for (const name of ['ChatGPT', 'Sora', 'OpenAI API', 'OpenAI Login']) {
        assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
      }
      assert.match(
        await story.popup.$eval('.popup__checked', (el) => el.innerText),
        /^Updated (now|\d+ seconds? ago)$/,
      );
      await shot(story.popup, 'popup-healthy');
    });

    it('shows no banner on chatgpt.com while all is well', step, async () => {
      const { radar } = story;
      story.chatgpt = await driver.openChatGpt(radar);
      await story.chatgpt.waitForSelector('#prompt-textarea');
      // The watcher has read storage well within this; the banner would be injected by now.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await story.chatgpt.$(BANNER), null);
      // Nothing of ours runs on ChatGPT while all is well. Firefox lists a missing key as null.
      const manifest = await radar.evaluate(() =>
        (globalThis.browser ?? globalThis.chrome).runtime.getManifest(),
      );
      assert.equal(manifest.content_scripts ?? null, null);
      assert.deepEqual(await radar.evaluate(registeredScripts), []);
    });

    it('sees the outage on "Check now": badge, popup, one notification', step, async () => {
      const { radar, popup } = story;
      radar.state.openai = 'outage';
      await driver.checkNow(popup);
      // The page in its real 2026 shape: only the native feed knows that Conversations and
      // this Login sit in the ChatGPT group; the incident names them by id.
      await driver.waitForText(popup, '2 services in trouble: ChatGPT and OpenAI Login');
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
      await shot(popup, 'popup-outage');

      const badge = await radar.badge();
      assert.equal(badge.text, 'DOWN');
      assert.deepEqual(badge.color, [217, 48, 37, 255]);
      assert.match(badge.title, /ChatGPT: Major outage/);

      await waitUntil(shown, (ids) => ids.length > 0, {
        what: 'the outage notification',
        timeout: driver.wait,
      });
      assert.equal(seen.size, 1, `one notification, got ${[...seen].join(', ')}`);
      assert.match([...seen][0], /^outage\|trouble\|/);
    });

    it('shows the banner on the open ChatGPT tab', step, async () => {
      const { radar, chatgpt } = story;
      await chatgpt.bringToFront();
      const text = await driver.waitForBanner(chatgpt);
      if (text !== null) {
        assert.match(text, /ChatGPT is having problems/);
        assert.match(text, new RegExp(`Major outage ${SINCE_EN.source}`));
        assert.match(text, /Conversations and Login/);
      }
      const alternatives = await driver.bannerAlternatives(chatgpt);
      if (alternatives !== null) {
        assert.deepEqual(alternatives, [
          ['Claude', 'https://claude.ai/new'],
          ['Gemini', 'https://gemini.google.com/app'],
          ['Le Chat', 'https://chat.mistral.ai/chat'],
          ['Microsoft Copilot', 'https://copilot.microsoft.com/'],
          ['Perplexity', 'https://www.perplexity.ai/'],
          ['DeepSeek', 'https://chat.deepseek.com/'],
          ['Grok', 'https://grok.com/'],
        ]);
      }
      const scripts = await radar.evaluate(registeredScripts);
      assert.deepEqual(
        scripts.map((script) => script.id),
        ['outage-banner'],
      );
      await shot(chatgpt, 'banner-outage', false);
      // The page keeps working under the banner.
      await chatgpt.click('#send');
      assert.equal(await chatgpt.$eval('#send', (el) => el.getAttribute('data-clicks')), '1');
    });

    it('does not notify again while the outage goes on', step, async () => {
      const { radar, popup } = story;
      const told = await radar.evaluate(notificationLog);
      assert.ok(told.chatgpt?.told, JSON.stringify(told));
      await driver.checkNow(popup);
      await driver.checkNow(popup);
      assert.equal(stateOf(await radar.snapshot(), 'chatgpt'), 'major_outage');
      // Nothing raised: the worker's record is as it was, and no other notification showed.
      assert.deepEqual(await radar.evaluate(notificationLog), told);
      await shown();
      assert.equal(seen.size, 1, `one notification, got ${[...seen].join(', ')}`);
    });

    it('removes the banner and notifies once on recovery', step, async () => {
      const { radar, popup, chatgpt } = story;
      radar.state.openai = 'healthy';
      await driver.recheck(radar, popup);
      await driver.waitForNoBanner(chatgpt);
      await driver.waitForText(popup, 'All your AI tools work');
      assert.equal(stateOf(await radar.snapshot(), 'chatgpt'), 'operational');
      await waitUntil(
        () => radar.evaluate(registeredScripts),
        (scripts) => scripts.length === 0,
        { what: 'the banner script to be unregistered', timeout: driver.wait },
      );
      assert.equal((await radar.badge()).text, 'OK');
      // The snapshot is written first; the notification follows it.
      await waitUntil(
        async () => (await shown(), seenLike('outage|recovered|')),
        (recovered) => recovered.length > 0,
        { what: 'the recovery notification', timeout: driver.wait },
      );
      assert.equal(seenLike('outage|recovered|').length, 1, [...seen].join(', '));
      assert.equal(seenLike('outage|trouble|').length, 1, [...seen].join(', '));
      // The end was told: the worker holds no open outage to tell of any more.
      assert.equal((await radar.evaluate(notificationLog)).chatgpt?.told, undefined);
      await popup.bringToFront();
      await shot(popup, 'popup-recovered');
      await chatgpt.bringToFront();
      await shot(chatgpt, 'chatgpt-recovered', false);
    });

    more?.(story);
  });
}
