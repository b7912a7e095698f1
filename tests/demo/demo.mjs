// `npm run demo`: runs the built extension in headless Chromium in the fixture world (every
// status page, probe and OpenAI site served from captures at its real URL) and writes
// screenshots to demo-output/: the first-run page, the options, the popup (all well with a
// week of history, an outage, offline), and the banner during an outage on chatgpt.com and
// on Sora; in light and dark, and in Italian. It prints each popup's height and the badge.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT, stateOf, waitForBanner, waitUntil } from '../e2e/harness.mjs';
import { seedHistory } from '../e2e/history-seed.mjs';
import { DEMO_SETTINGS } from './demo-user.mjs';

const OUT = join(ROOT, 'demo-output');
await mkdir(OUT, { recursive: true });
const POPUP_WIDTH = 360;
const written = [];

async function shot(page, name) {
  const path = join(OUT, name);
  await page.screenshot({ path });
  written.push(path);
}

/** The popup at the size a browser would give it: its content's height, at most 600 px. */
async function popupShot(page, name) {
  await page.setViewportSize({ width: POPUP_WIDTH, height: 100 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: POPUP_WIDTH, height: Math.min(height, 600) });
  await page.screenshot({ path: join(OUT, name) });
  written.push(join(OUT, name));
  console.log(`${name}: content ${height} px, shown ${Math.min(height, 600)} px`);
}

async function checkNow(radar, popup) {
  const before = (await radar.snapshot())?.checkedAt ?? 0;
  await popup.locator('.popup__footer button').click();
  await waitUntil(radar.snapshot, (s) => s?.checkedAt > before, { what: 'the check' });
}

for (const { colorScheme, locale } of [
  { colorScheme: 'light', locale: 'en-US' },
  { colorScheme: 'dark', locale: 'en-US' },
  { colorScheme: 'light', locale: 'it-IT' },
]) {
  const tag = `${locale.slice(0, 2)}-${colorScheme}`;
  const radar = await launch({ colorScheme, locale });
  try {
    // The first-run page opens by itself on install.
    const welcome = await waitUntil(
      () => radar.context.pages().find((page) => page.url().endsWith('/welcome.html')),
      Boolean,
      { what: 'the first-run page' },
    );
    await welcome.setViewportSize({ width: 900, height: 760 });
    await welcome.locator('input[type="checkbox"]').first().waitFor();
    await shot(welcome, `first-run-${tag}.png`);
    await welcome.close();

    await waitUntil(
      radar.snapshot,
      (s) => s?.services.length > 0 && s.services.every((x) => x.state === 'operational'),
      { what: 'every service operational' },
    );
    await radar.evaluate((settings) => chrome.storage.sync.set({ settings }), DEMO_SETTINGS);
    await seedHistory(
      radar,
      (await radar.snapshot()).services.map((service) => service.id),
    );

    const options = await radar.context.newPage();
    await options.setViewportSize({ width: 900, height: 1400 });
    await options.goto(`chrome-extension://${radar.extensionId}/options.html`);
    await options.locator('main').waitFor();
    await options.waitForTimeout(300);
    await shot(options, `options-${tag}.png`);
    await options.close();

    let popup = await radar.openPopup();
    await popup.locator('.service__head').first().waitFor();
    await popup.waitForTimeout(500); // history fills in after the first paint
    await popupShot(popup, `popup-healthy-${tag}.png`);

    // ChatGPT fails while the user is typing in it.
    radar.state.openai = 'outage';
    const chatgpt = await radar.context.newPage();
    await chatgpt.setViewportSize({ width: 1280, height: 720 });
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt
      .locator('#prompt-textarea')
      .fill(
        locale === 'it-IT'
          ? 'Scrivi una risposta al fornitore sul ritardo della consegna'
          : 'Draft a reply to the supplier about the delayed delivery',
      );
    await checkNow(radar, popup);
    await popup.locator('.popup--trouble').waitFor();
    await popupShot(popup, `popup-outage-${tag}.png`);
    await waitForBanner(chatgpt, { timeout: 15_000 });
    await chatgpt.bringToFront();
    await shot(chatgpt, `banner-chatgpt-${tag}.png`);
    const badge = await radar.badge();
    console.log(`${tag}: badge "${badge.text}" — ${badge.title}`);

    // Offline: every check fails at once.
    radar.state.openai = 'healthy';
    radar.state.offline = true;
    await popup.close();
    popup = await radar.openPopup();
    await popup.locator('.popup__footer button').click();
    await waitUntil(radar.snapshot, (s) => s?.offline != null, { what: 'offline' });
    await popup.locator('.popup--offline').waitFor();
    await popupShot(popup, `popup-offline-${tag}.png`);
    radar.state.offline = false;
  } finally {
    await radar.close();
  }
}

// Sora down: the banner on Sora offers video alternatives.
for (const colorScheme of ['light', 'dark']) {
  const radar = await launch({ colorScheme, world: { openai: 'sora-outage' } });
  try {
    await waitUntil(
      radar.snapshot,
      (s) => ['major_outage', 'partial_outage', 'degraded'].includes(stateOf(s, 'sora')),
      { what: 'Sora in trouble' },
    );
    const sora = await radar.context.newPage();
    await sora.setViewportSize({ width: 1280, height: 720 });
    await sora.goto('https://sora.chatgpt.com/');
    await waitForBanner(sora, { timeout: 15_000 });
    await shot(sora, `banner-sora-en-${colorScheme}.png`);
  } finally {
    await radar.close();
  }
}

console.log(`Screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`);
