import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  BANNER_HOST,
  bannerCount,
  bannerLinks,
  clickInBanner,
  launch,
  ROOT,
  stateOf,
  waitForBanner,
  waitUntil,
} from './harness.mjs';
import { outageStory } from './outage-story.mjs';

const SHOTS = join(ROOT, 'test-results');

outageStory(
  {
    browser: 'Chromium',
    shots: SHOTS,
    prefix: '',
    launch: () => launch(),
    async openChatGpt(radar) {
      const page = await radar.context.newPage();
      await page.goto('https://chatgpt.com/');
      return page;
    },
    waitForText: (page, text) => page.getByText(text).first().waitFor(),
    async checkNow(popup) {
      await popup.getByRole('button', { name: 'Check now' }).click();
      await popup.getByRole('button', { name: 'Check now', disabled: false }).waitFor();
    },
    // This time the periodic alarm does the check, as it does for users: when a page in
    // trouble is due again (2 min, 144 s at most with its jitter: utils/cadence/cadence.ts).
    async recheck(radar) {
      await radar.letTimePass(150_000);
      await radar.fireCheckAlarm();
    },
    // The banner's shadow root is closed: the harness reads it over CDP.
    waitForBanner: (page) => waitForBanner(page, { timeout: 5_000 }),
    bannerAlternatives: (page) => bannerLinks(page, '.banner__alternative'),
    waitForNoBanner: (page) =>
      page.locator(BANNER_HOST).waitFor({ state: 'detached', timeout: 10_000 }),
  },
  (story) => {
    it('shows the banner again for the next outage, and snoozing it lasts for that outage', async () => {
      const { radar, popup, chatgpt } = story;
      radar.state.openai = 'outage';
      await popup.getByRole('button', { name: 'Check now' }).click();
      await waitForBanner(chatgpt, { timeout: 5_000 });
      await clickInBanner(chatgpt, '.banner__snooze-toggle');
      await clickInBanner(chatgpt, '.banner__snooze-outage');
      await chatgpt.locator(BANNER_HOST).waitFor({ state: 'detached' });
      await chatgpt.reload();
      await chatgpt.locator('#prompt-textarea').waitFor();
      await chatgpt.waitForTimeout(1500);
      assert.equal(await chatgpt.locator(BANNER_HOST).count(), 0);
    });
  },
);

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
