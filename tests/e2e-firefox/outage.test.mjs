// The core outage story (../e2e/outage-story.mjs, the same scenario as Chromium's) in Firefox:
// the Firefox build (.output/firefox-mv2, MV2, `browserAction`) in firefox-esr, in the same
// fixture world.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkNow, launch, ROOT, TIMEOUT, waitForText, waitInPage } from './harness.mjs';
import { outageStory } from '../e2e/outage-story.mjs';

const BANNER = 'ai-outage-radar-banner';

outageStory({
  browser: 'Firefox',
  shots: join(ROOT, 'test-results'),
  prefix: 'firefox-',
  // No step should take this long; it only keeps a stuck browser from hanging the run.
  step: { timeout: 4 * TIMEOUT },
  wait: TIMEOUT,
  launch: () => launch(),
  openChatGpt: (radar) => radar.openPage('https://chatgpt.com/'),
  waitForText,
  checkNow,
  recheck: (_radar, popup) => checkNow(popup),
  // The banner lives in a closed shadow root, and puppeteer has no way into it over BiDi: only
  // its host element can be seen from the page. What it says is in the screenshot.
  async waitForBanner(page) {
    await page.waitForSelector(BANNER);
    return null;
  },
  bannerAlternatives: async () => null,
  waitForNoBanner: (page) =>
    waitInPage(page, (tag) => !document.querySelector(tag), {
      arg: BANNER,
      what: 'the banner to go',
    }),
  // Which Firefox ran, and that OpenAI's status page was read from the fixture world, through
  // the proxy.
  checkWire(radar, t) {
    t.diagnostic(radar.version);
    assert.ok(radar.wire.some((w) => w.href.startsWith('https://status.openai.com/')));
    assert.ok(radar.tunnels.includes('status.openai.com:443'));
  },
});
