// Offline is one message: when every status page and probe fails at the network level at
// once, the popup says so once over the last known states and the badge reads OFF, with no
// notification; when the browser is back online a check runs by itself and all recovers.
// The fixture world's `offline` switch drops every connection (no HTTP status at all), and
// Playwright's network emulation tells the browser it is offline and then back online.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, ROOT, waitUntil } from './harness.mjs';

const SHOTS = join(ROOT, 'test-results');

for (const { locale, colorScheme, text } of [
  {
    locale: 'en-US',
    colorScheme: 'light',
    text: {
      offline: "You seem to be offline — we'll check again as soon as you're back.",
      lastKnown: /^Last known state, /,
      recovered: 'All your AI tools work',
      checkNow: 'Check now',
      title: /offline/,
    },
  },
  {
    locale: 'it-IT',
    colorScheme: 'dark',
    text: {
      offline: 'Sembra che tu sia offline: ricontrolliamo appena torna la connessione.',
      lastKnown: /^Ultimo stato noto, /,
      recovered: 'Tutti i tuoi strumenti di IA funzionano',
      checkNow: 'Controlla ora',
      title: /offline/,
    },
  },
]) {
  describe(`offline and back (${locale}, ${colorScheme})`, () => {
    let radar;
    let popup;
    const tag = `${locale.slice(0, 2)}-${colorScheme}`;

    before(async () => {
      await mkdir(SHOTS, { recursive: true });
      radar = await launch({ locale, colorScheme });
      await waitUntil(
        radar.snapshot,
        (s) => s?.services.every((service) => service.state === 'operational'),
        { what: 'every service operational' },
      );
      popup = await radar.openPopup();
      await popup.locator('.popup__headline', { hasText: text.recovered }).waitFor();
    });
    after(() => radar?.close());

    it('says once that the user seems offline, over the last known states', async () => {
      const before = (await radar.notifications()) ?? {};
      radar.state.offline = true;
      await popup.getByRole('button', { name: text.checkNow, exact: true }).click();
      const snapshot = await waitUntil(radar.snapshot, (s) => s?.offline != null, {
        what: 'the snapshot saying offline',
        timeout: 30_000,
      });
      assert.equal(typeof snapshot.offline.since, 'number');
      await popup.locator('.popup__headline', { hasText: text.offline }).waitFor();
      assert.match(await popup.locator('.popup__last-known').innerText(), text.lastKnown);
      // One message: no row says "unknown", and the last known states are greyed (not made
      // translucent: their text keeps its contrast, tests/e2e/accessibility.test.mjs).
      assert.equal(await popup.locator('.popup--offline').count(), 1);
      assert.equal(await popup.locator('.service--unknown').count(), 0);
      assert.equal(
        await popup
          .locator('.popup__list')
          .evaluate((list) => globalThis.getComputedStyle(list).filter),
        'grayscale(1)',
      );
      const badge = await radar.badge();
      assert.equal(badge.text, 'OFF');
      assert.match(badge.title, text.title);
      assert.deepEqual(Object.keys((await radar.notifications()) ?? {}), Object.keys(before));

      await popup.setViewportSize({ width: 360, height: 100 });
      const height = await popup.evaluate(() => document.documentElement.scrollHeight);
      await popup.setViewportSize({ width: 360, height: Math.min(height, 600) });
      await popup.screenshot({ path: join(SHOTS, `popup-offline-${tag}.png`) });
    });

    it('while offline, every alarm retries every source, with no backoff', async () => {
      const requestsBefore = radar.state.requests.length;
      const before = await radar.evaluate(
        async () => (await chrome.storage.local.get('sourceReads')).sourceReads,
      );
      await radar.fireCheckAlarm();
      const after = await waitUntil(
        () =>
          radar.evaluate(async () => (await chrome.storage.local.get('sourceReads')).sourceReads),
        (reads) =>
          Object.keys(before).every((id) => reads[id].attemptedAt > before[id].attemptedAt),
        { what: 'every source retried on the alarm', timeout: 30_000 },
      );
      assert.ok(Object.values(after).every((read) => read.error?.code === 'network'));
      // The world answered none of them: they died at the connection.
      assert.equal(radar.state.requests.length, requestsBefore);
      assert.ok((await radar.snapshot()).offline);
    });

    it('looks again by itself as soon as the browser is back online', async () => {
      await radar.context.setOffline(true);
      await popup.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
      radar.state.offline = false;
      const checkedBefore = (await radar.snapshot()).checkedAt;
      // No click, no alarm: the `online` event alone brings the check.
      await radar.context.setOffline(false);
      const snapshot = await waitUntil(
        radar.snapshot,
        (s) =>
          s.offline == null &&
          s.checkedAt > checkedBefore &&
          s.services.every((service) => service.state === 'operational'),
        { what: 'a check after the connection returned', timeout: 20_000 },
      );
      assert.equal(snapshot.offline, null);
      await popup.locator('.popup__headline', { hasText: text.recovered }).waitFor();
      assert.equal(await popup.locator('.popup--offline').count(), 0);
      assert.equal((await radar.badge()).text, 'OK');
      // Coming back raised no alarm either: no service was ever called down.
      assert.deepEqual(Object.keys((await radar.notifications()) ?? {}), []);
      assert.deepEqual(await radar.told(), []);
    });
  });
}
