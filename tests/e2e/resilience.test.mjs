import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, stateOf, waitForBanner, waitUntil } from './harness.mjs';
import { SINCE_IT } from './since-text.mjs';

describe('in Italian', () => {
  let radar;
  before(async () => {
    radar = await launch({ locale: 'it-IT' });
    await waitUntil(radar.snapshot, (s) => s !== null, { what: 'first snapshot' });
  });
  after(() => radar?.close());

  it('speaks Italian in the badge, popup and banner', async () => {
    const popup = await radar.openPopup();
    await popup.getByText('Tutti i tuoi strumenti di IA funzionano').waitFor();
    radar.state.openai = 'outage';
    const chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await popup.getByRole('button', { name: 'Controlla ora' }).click();
    await popup.getByText('2 servizi con problemi: ChatGPT e OpenAI Login').waitFor();
    assert.match(
      await popup.locator('.service').first().innerText(),
      new RegExp(`Interruzione grave · ${SINCE_IT.source}`),
    );
    assert.equal((await radar.badge()).text, 'DOWN');
    // The banner's shadow root is closed: the harness reads it over CDP.
    const banner = await waitForBanner(chatgpt, { timeout: 5_000 });
    assert.match(banner, /ChatGPT ha dei problemi/);
    assert.match(banner, /Conversations e Login/);
  });
});

describe('when Chrome stops the idle service worker', () => {
  let radar;
  before(async () => {
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => s !== null, { what: 'first snapshot' });
  });
  after(() => radar?.close());

  it('keeps its schedule and its memory of the outage', async () => {
    const page = await radar.context.newPage();
    const cdp = await radar.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    // A click in the popup wakes the worker; it finds the last snapshot in storage.
    radar.state.openai = 'outage';
    const popup = await radar.openPopup();
    await popup.getByRole('button', { name: 'Check now' }).click();
    await popup.locator('.popup--trouble').waitFor();
    assert.equal(stateOf(await radar.snapshot(), 'chatgpt'), 'major_outage');
    const raised = Object.keys(
      await waitUntil(radar.notifications, (all) => Object.keys(all).length === 1, {
        what: 'one notification',
      }),
    );

    radar.state.openai = 'healthy';
    // A page in trouble is due again after the trouble interval: 2 min, 144 s at most with
    // its jitter (utils/cadence/cadence.ts).
    await radar.letTimePass(150_000);
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The alarm survives the worker: moving it forward makes the next check happen.
    await radar.fireCheckAlarm();
    await popup.locator('.popup--trouble').waitFor({ state: 'detached' });
    // The restarted worker raised one recovery, and no second "trouble": Chromium may drop the
    // first worker's notification when it stops (or not, when the next starts at once), but a
    // trouble notification left is the one raised before the stop.
    const ids = Object.keys(
      await waitUntil(
        radar.notifications,
        (all) => Object.keys(all).some((id) => id.startsWith('outage|recovered|')),
        { what: 'the recovery notification' },
      ),
    );
    assert.equal(ids.filter((id) => id.startsWith('outage|recovered|')).length, 1);
    assert.deepEqual(
      ids.filter((id) => id.startsWith('outage|trouble|') && !raised.includes(id)),
      [],
    );
  });
});
