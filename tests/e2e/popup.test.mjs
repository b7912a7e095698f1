// The popup as a user meets it: it fits the 600 px a browser gives a popup during an outage,
// healthy services take one line each, the troubled one shows why and how early we saw it,
// history appears once the worker has some, in English and Italian, by keyboard alone.
// History is simulated by seeding the worker's own IndexedDB (its hourly roll-up and outage
// records) from inside the service worker, as a week of checks would have left it; the
// clock is real.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, ROOT, stateOf, waitUntil } from './harness.mjs';
import { seedHistory } from './history-seed.mjs';
import { SINCE_EN, SINCE_IT } from './since-text.mjs';

const SHOTS = join(ROOT, 'test-results');
/** A popup's width here; its height is what the content asks for, up to Chrome's 600 px. */
const WIDTH = 360;

/** The popup's natural size: the page is shrunk to 100 px so scrollHeight is the content's. */
async function naturalSize(page) {
  await page.setViewportSize({ width: WIDTH, height: 100 });
  return page.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
}

/** A screenshot of the popup at its natural height, as the browser would show it. */
async function shot(page, name) {
  const { height } = await naturalSize(page);
  await page.setViewportSize({ width: WIDTH, height: Math.min(height, 600) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  return height;
}

for (const { locale, colorScheme, text } of [
  {
    locale: 'en-US',
    colorScheme: 'light',
    text: {
      allGood: 'All your AI tools work',
      outage: /^2 services in trouble: ChatGPT and OpenAI Login$/,
      since: SINCE_EN,
      lead: 'Our checks saw it 12 min before the official page',
      week: '3 outages this week',
      strip: /^Last 24 hours: hours with problems, 4$/,
      uptime: /^Uptime over 7 days: 9\d\.\d%$/,
      checkNow: 'Check now',
      settings: 'Settings',
      myTools: 'Your tools',
    },
  },
  {
    locale: 'it-IT',
    colorScheme: 'dark',
    text: {
      allGood: 'Tutti i tuoi strumenti di IA funzionano',
      outage: /^2 servizi con problemi: ChatGPT e OpenAI Login$/,
      since: SINCE_IT,
      lead: "I nostri controlli l'hanno rilevato 12 min prima della pagina ufficiale",
      week: '3 interruzioni questa settimana',
      strip: /^Ultime 24 ore: ore con problemi, 4$/,
      uptime: /^Disponibilità negli ultimi 7 giorni: 9\d,\d\s?%$/,
      checkNow: 'Controlla ora',
      settings: 'Impostazioni',
      myTools: 'I tuoi strumenti',
    },
  },
]) {
  describe(`the popup (${locale}, ${colorScheme})`, () => {
    let radar;
    let popup;
    const tag = `${locale.slice(0, 2)}-${colorScheme}`;

    before(async () => {
      await mkdir(SHOTS, { recursive: true });
      radar = await launch({ locale, colorScheme });
    });
    after(() => radar?.close());

    it('says at once that all is well, one line per service', async () => {
      await waitUntil(
        radar.snapshot,
        (s) => s?.services.every((service) => service.state === 'operational'),
        { what: 'every service operational' },
      );
      popup = await radar.openPopup();
      await popup.locator('.popup__headline', { hasText: text.allGood }).waitFor();
      // One line: a row's button is no taller than one line of text and its padding.
      const heights = await popup
        .locator('.service__head')
        .evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
      assert.ok(heights.length >= 15, `${heights.length} rows`);
      for (const height of heights) assert.ok(height <= 30, `a healthy row is ${height} px`);
      await shot(popup, `popup-healthy-${tag}`);
    });

    it('fits 600 px in an outage; the troubled row shows why, and how early we saw it', async () => {
      radar.state.openai = 'outage';
      await popup.setViewportSize({ width: WIDTH, height: 600 });
      await popup.getByRole('button', { name: text.checkNow, exact: true }).click();
      await popup.locator('.popup__headline', { hasText: text.outage }).waitFor();
      // The check is over when the button is back: later writes would replace ours below.
      await popup.locator('.popup__footer .button:not([disabled])').waitFor();
      const snapshot = await radar.snapshot();
      assert.equal(stateOf(snapshot, 'chatgpt'), 'major_outage');

      // Our checks' lead over the official page takes minutes of real time to arise; it is
      // written into the stored snapshot here (as the worker would after such an outage), and
      // the open popup follows storage.
      await radar.evaluate(async () => {
        const { healthSnapshot } = await chrome.storage.local.get('healthSnapshot');
        const chatgpt = healthSnapshot.services.find((service) => service.id === 'chatgpt');
        const officialAt = chatgpt.detection.officialAt ?? Date.now();
        chatgpt.detection = { radarAt: officialAt - 12 * 60_000, officialAt };
        await chrome.storage.local.set({ healthSnapshot });
      });
      const row = popup.locator('.service', {
        has: popup.locator('.service__name', { hasText: /^ChatGPT$/ }),
      });
      await row.getByText(text.lead).waitFor();
      assert.equal(await row.locator('.service__head').getAttribute('aria-expanded'), 'true');
      const rowText = await row.innerText();
      assert.match(rowText, text.since);
      assert.match(rowText, /Elevated errors across ChatGPT, Codex, and the API/);
      assert.ok((await row.locator('.service__reasons li').count()) >= 1);
      // The user's ChatGPT rows keep healthy neighbours on one line.
      const sora = popup.locator('.service', {
        has: popup.locator('.service__name', { hasText: /^Sora$/ }),
      });
      assert.equal(await sora.locator('.service__head').getAttribute('aria-expanded'), 'false');

      const size = await naturalSize(popup);
      assert.ok(size.height <= 600, `the popup is ${size.height} px tall`);
      assert.ok(size.width <= WIDTH, `the popup is ${size.width} px wide`);
      const height = await shot(popup, `popup-outage-${tag}`);
      console.log(`popup height in the outage (${tag}): ${height} px`);
    });

    it('shows a week of history once the worker has it', async () => {
      const snapshot = await radar.snapshot();
      await seedHistory(
        radar,
        snapshot.services.map((service) => service.id),
      );
      await popup.reload();
      const row = popup.locator('.service', {
        has: popup.locator('.service__name', { hasText: /^ChatGPT$/ }),
      });
      await row.getByText(text.week).waitFor();
      const strip = row.locator('.strip[role="img"]').first();
      assert.match(await strip.getAttribute('aria-label'), text.strip);
      assert.match(await row.locator('.uptime').first().getAttribute('aria-label'), text.uptime);
      // A healthy service: a clean strip and a full week up, still on one line.
      const sora = popup.locator('.service', {
        has: popup.locator('.service__name', { hasText: /^Sora$/ }),
      });
      assert.match(await sora.locator('.uptime').innerText(), /^100\s?%$/);
      assert.ok((await sora.locator('.service__head').boundingBox()).height <= 30);
      const height = await shot(popup, `popup-history-${tag}`);
      assert.ok(height <= 600, `the popup is ${height} px tall`);
    });

    it("lists the user's own tools first, in their order", async () => {
      // As the options and first-run pages store them (storage.sync, utils/settings/settings.ts).
      await radar.evaluate(() =>
        chrome.storage.sync.set({
          settings: { myTools: ['claude', 'chatgpt'] },
          settings$: { v: 1 },
        }),
      );
      await popup.getByRole('heading', { name: text.myTools }).waitFor();
      const names = await popup.locator('.service__name').allInnerTexts();
      assert.deepEqual(names.slice(0, 2), ['Claude', 'ChatGPT']);
      const mine = popup.locator('section', {
        has: popup.getByRole('heading', { name: text.myTools }),
      });
      assert.deepEqual(await mine.locator('.service__name').allInnerTexts(), ['Claude', 'ChatGPT']);
      await radar.evaluate(() => chrome.storage.sync.remove(['settings', 'settings$']));
      await popup.getByRole('heading', { name: text.myTools }).waitFor({ state: 'detached' });
    });

    it('is usable by keyboard alone, in a sensible order', async () => {
      await popup.setViewportSize({ width: WIDTH, height: 600 });
      await popup.locator('body').click({ position: { x: 1, y: 1 } });
      const focused = () =>
        popup.evaluate(() => {
          const element = document.activeElement;
          return {
            cls: element?.className ?? '',
            text: element?.textContent?.trim() ?? '',
            expanded: element?.getAttribute('aria-expanded') ?? null,
          };
        });
      const order = [];
      for (let press = 0; press < 60; press++) {
        await popup.keyboard.press('Tab');
        const now = await focused();
        order.push(now);
        if (now.text === text.settings) break;
      }
      // Rows first (ChatGPT, troubled, leads), then its links, then the rest, then the footer.
      assert.match(order[0].cls, /service__head/);
      assert.match(order[0].text, /ChatGPT/);
      const checkNow = order.findIndex((item) => item.text === text.checkNow);
      const settings = order.findIndex((item) => item.text === text.settings);
      assert.ok(checkNow > 0 && settings === checkNow + 1, JSON.stringify(order.slice(-3)));
      const rows = order.filter((item) => /service__head/.test(item.cls));
      assert.ok(rows.length >= 15, `${rows.length} rows reachable`);

      // Enter and Space open and close a row.
      const soraHead = popup.locator('.service', {
        has: popup.locator('.service__name', { hasText: /^Sora$/ }),
      });
      const head = soraHead.locator('.service__head');
      await head.focus();
      await popup.keyboard.press('Enter');
      assert.equal(await head.getAttribute('aria-expanded'), 'true');
      await soraHead.locator('.service__details').waitFor();
      await popup.keyboard.press(' ');
      assert.equal(await head.getAttribute('aria-expanded'), 'false');
      // Focus is visible.
      const outline = await head.evaluate(
        (element) => globalThis.getComputedStyle(element).outlineStyle,
      );
      assert.equal(outline, 'solid');
    });
  });
}
