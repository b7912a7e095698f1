// `npm run demo`: runs the built extension in headless Chromium against a simulated OpenAI
// outage (fixtures served at the status pages' real URLs) and writes screenshots of the
// popup and the ChatGPT banner to demo-output/, in light and dark, English and Italian; then
// an outage the radar sees first, in the user's own failing ChatGPT requests.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT, waitForBanner, waitUntil } from '../e2e/harness.mjs';

const OUT = join(ROOT, 'demo-output');
await mkdir(OUT, { recursive: true });

const scenes = [
  { colorScheme: 'light', locale: 'en-US' },
  { colorScheme: 'dark', locale: 'en-US' },
  { colorScheme: 'light', locale: 'it-IT' },
];
const written = [];
for (const { colorScheme, locale } of scenes) {
  const radar = await launch({ colorScheme, locale });
  try {
    const tag = `${locale.slice(0, 2)}-${colorScheme}`;
    await waitUntil(radar.snapshot, (s) => s !== null, { what: 'first check' });
    const popup = await radar.openPopup();
    await popup.locator('.service').first().waitFor();
    await shot(popup, `popup-healthy-${tag}.png`, true);

    radar.state.openai = 'outage';
    const chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await popup.locator('.popup__footer button').click();
    await popup.locator('.popup--trouble').waitFor();
    await popup.locator('.popup__footer button:not([disabled])').waitFor();
    await shot(popup, `popup-outage-${tag}.png`, true);
    await waitForBanner(chatgpt, { timeout: 10_000 });
    await shot(chatgpt, `banner-outage-${tag}.png`, false);
    const badge = await radar.badge();
    console.log(`${tag}: badge "${badge.text}" — ${badge.title}`);
  } finally {
    await radar.close();
  }
}
// The radar first: the user's own ChatGPT requests fail while the official page still says
// all is well.
{
  const radar = await launch();
  try {
    await waitUntil(radar.snapshot, (s) => s !== null, { what: 'first check' });
    const chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').fill('Draft a reply to the supplier about the delay');
    radar.state.chatgptApi = 503;
    for (let attempt = 0; attempt < 2; attempt++) {
      await chatgpt.locator('#send').click();
      await chatgpt.waitForTimeout(300);
    }
    await waitForBanner(chatgpt, { timeout: 10_000 });
    await shot(chatgpt, 'banner-radar-first-en-light.png', false);
    const popup = await radar.openPopup();
    await popup.locator('.popup--trouble').waitFor();
    await shot(popup, 'popup-radar-first-en-light.png', true);
    console.log(
      `radar first: badge "${(await radar.badge()).text}", official page still operational`,
    );
  } finally {
    await radar.close();
  }
}
console.log(`Screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`);

async function shot(page, name, fullPage) {
  const path = join(OUT, name);
  await page.screenshot({ path, fullPage });
  written.push(path);
}
