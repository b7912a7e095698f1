// `npm run store`: the store's screenshots, from the demo's world (every status page, probe and
// OpenAI site served from captures at its real URL), in English and Italian:
//   store/screenshots/chrome/<lang>-<n>.png  1280×800, the Chrome Web Store's size;
//   store/screenshots/amo/<lang>-<n>.png     1200×900: addons.mozilla.org asks for 4:3, at
//                                            least 1000×750 (at most 2400×1800); the captures
//                                            are 1×, so a larger frame would only blur them.
// Each is a real capture of the extension (the banner on ChatGPT, the popup) set in a frame
// with one line saying what it shows. store/README.md says how to use them.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, ROOT, stateOf, waitForBanner, waitUntil } from '../e2e/harness.mjs';
import { seedHistory } from '../e2e/history-seed.mjs';
import { DEMO_SETTINGS } from './demo-user.mjs';

const OUT = join(ROOT, 'store/screenshots');

const CAPTIONS = {
  en: {
    banner: 'ChatGPT is down? The banner shows what works right now, and carries your prompt over.',
    outage: 'Which tool is in trouble, since when, and why: before the official page says so.',
    healthy: 'All well at a glance, your tools first, with a week of history.',
    prompt: 'Draft a reply to the supplier about the delayed delivery',
  },
  it: {
    banner: 'ChatGPT non funziona? Il banner mostra cosa funziona adesso e ci porta il tuo prompt.',
    outage: 'Quale strumento ha problemi, da quando e perché: prima della pagina ufficiale.',
    healthy: 'Tutto a colpo d’occhio, i tuoi strumenti per primi, con una settimana di cronologia.',
    prompt: 'Scrivi una risposta al fornitore sul ritardo della consegna',
  },
};

/** The popup at the size a browser gives it: its content's height, at most 600 px. */
async function popupPng(page) {
  await page.setViewportSize({ width: 360, height: 100 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 360, height: Math.min(height, 600) });
  return page.screenshot({ type: 'png' });
}

async function checkNow(radar, popup) {
  const before = (await radar.snapshot())?.checkedAt ?? 0;
  await popup.locator('.popup__footer button').click();
  await waitUntil(radar.snapshot, (s) => s?.checkedAt > before, { what: 'the check' });
}

/** Captures, in one language: the popup all well and in an outage, the banner on ChatGPT. */
async function capture(lang) {
  const radar = await launch({ locale: lang === 'it' ? 'it-IT' : 'en-US' });
  try {
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'operational', {
      what: 'ChatGPT working',
    });
    await radar.evaluate((settings) => chrome.storage.sync.set({ settings }), DEMO_SETTINGS);
    await seedHistory(
      radar,
      (await radar.snapshot()).services.map((service) => service.id),
    );
    const popup = await radar.openPopup();
    await popup.locator('.service__head').first().waitFor();
    await popup.waitForTimeout(500); // history fills in after the first paint
    const healthy = await popupPng(popup);

    radar.state.openai = 'outage';
    const chatgpt = await radar.context.newPage();
    await chatgpt.setViewportSize({ width: 1280, height: 720 });
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').fill(CAPTIONS[lang].prompt);
    await checkNow(radar, popup);
    await popup.locator('.popup--trouble').waitFor();
    const outage = await popupPng(popup);
    await waitForBanner(chatgpt, { timeout: 15_000 });
    await chatgpt.bringToFront();
    const banner = await chatgpt.screenshot({ type: 'png' });
    return { healthy, outage, banner };
  } finally {
    await radar.close();
  }
}

/** A frame page: the capture on a quiet background with its caption above it. */
function frame(png, caption, wide) {
  const image = `data:image/png;base64,${png.toString('base64')}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    html,body{margin:0;height:100%}
    body{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:28px;
      background:linear-gradient(160deg,#eef2f7,#dfe6ef);font:600 30px/1.3 system-ui,sans-serif;
      color:#1f2933;padding:0 48px;box-sizing:border-box;text-align:center}
    img{display:block;max-height:78%;max-width:${wide ? '94%' : '60%'};border-radius:12px;
      box-shadow:0 12px 40px rgba(15,23,42,.25)}
  </style></head><body><p style="margin:0">${caption}</p><img src="${image}"></body></html>`;
}

const SIZES = {
  chrome: { width: 1280, height: 800 },
  amo: { width: 1200, height: 900 },
};

await rm(OUT, { recursive: true, force: true });
const written = [];
const composer = await launch();
try {
  for (const lang of ['en', 'it']) {
    const shots = await capture(lang);
    const order = [
      [shots.banner, CAPTIONS[lang].banner, true],
      [shots.outage, CAPTIONS[lang].outage, false],
      [shots.healthy, CAPTIONS[lang].healthy, false],
    ];
    for (const [store, size] of Object.entries(SIZES)) {
      await mkdir(join(OUT, store), { recursive: true });
      const page = await composer.context.newPage();
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const [index, [png, caption, wide]] of order.entries()) {
        await page.setContent(frame(png, caption, wide));
        await page.locator('img').evaluate((img) => img.decode());
        const path = join(OUT, store, `${lang}-${index + 1}.png`);
        await page.screenshot({ path, type: 'png' });
        written.push(path);
      }
      await page.close();
    }
  }
} finally {
  await composer.close();
}
console.log(`Store screenshots:\n${written.map((file) => `  ${file}`).join('\n')}`);
