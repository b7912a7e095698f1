import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, stateOf, waitUntil } from './harness.mjs';

/** The status-page exchanges the server saw since `since`. */
const statusExchanges = (radar, since) =>
  radar.wire.filter((exchange) => exchange.kind === 'status' && exchange.at >= since);

describe('conditional requests, on the wire of the HTTPS server', () => {
  let radar;
  let popup;

  before(async () => {
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => s?.services.every((x) => x.state === 'operational'), {
      what: 'every service operational',
      timeout: 15_000,
    });
    popup = await radar.openPopup();
  });
  after(() => radar?.close());

  it('revalidates an unchanged status page and gets a 304 with no body', async () => {
    const firstRound = statusExchanges(radar, 0);
    assert.ok(firstRound.length >= 10, `read every page once: ${firstRound.length}`);
    assert.ok(firstRound.every((exchange) => exchange.status !== 304));

    const since = Date.now();
    const before = (await radar.snapshot()).checkedAt;
    await popup.getByRole('button', { name: 'Check now' }).click();
    await waitUntil(radar.snapshot, (s) => s.checkedAt > before, { what: 'the next check' });
    const secondRound = await waitUntil(
      () => statusExchanges(radar, since),
      (exchanges) => exchanges.length >= firstRound.length,
      { what: 'the second round of reads' },
    );
    // Every page that sent an ETag was asked with If-None-Match and answered 304 (an endpoint
    // with no fixture, such as components.json, answers 404 both times).
    const answered = new Set(firstRound.filter((e) => e.status === 200).map((e) => e.href));
    const revalidated = secondRound.filter((exchange) => answered.has(exchange.href));
    assert.ok(revalidated.length >= 10, JSON.stringify(secondRound));
    assert.ok(
      revalidated.every((e) => e.status === 304),
      JSON.stringify(secondRound),
    );
    const bytes = (round) => round.reduce((sum, e) => sum + e.responseBytes, 0);
    assert.ok(
      bytes(secondRound) < bytes(firstRound) / 4,
      `${bytes(secondRound)} vs ${bytes(firstRound)}`,
    );
    // The browser hands the cached body to the worker: the verdicts stand.
    const snapshot = await radar.snapshot();
    assert.ok(snapshot.services.every((service) => service.state === 'operational'));
  });

  it('reads a changed page in full: the cache never hides an outage', async () => {
    radar.state.openai = 'outage';
    await popup.getByRole('button', { name: 'Check now' }).click();
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'major_outage', {
      what: 'the outage',
    });
  });
});
