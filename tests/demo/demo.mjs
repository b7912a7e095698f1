// `npm run demo`: runs the built extension in headless Chromium against a simulated OpenAI
// outage (fixtures served at status.openai.com's real URLs) and writes screenshots of the
// popup and the ChatGPT banner to demo-output/, in light and dark, English and Italian.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT, waitUntil } from '../e2e/harness.mjs';

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
    await chatgpt.locator('ai-outage-radar-banner .banner').waitFor({ timeout: 10_000 });
    await shot(chatgpt, `banner-outage-${tag}.png`, false);
    const badge = await radar.badge();
    console.log(`${tag}: badge "${badge.text}" — ${badge.title}`);
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
