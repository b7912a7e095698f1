// The user's own ChatGPT requests are the radar's earliest signal, so they must be the
// user's own: a page on any origin the extension holds a host permission for (here
// www.google.com, for Google's status feed) must not be able to fake an outage by sending
// failing requests to ChatGPT's backend. And a busy, healthy ChatGPT tab must not republish
// the snapshot once per request.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, stateOf, waitUntil, sendFromChatGpt } from './harness.mjs';

const ATTACK_PAGE = 'https://www.google.com/appsstatus/dashboard/attack.html';
const BACKEND = 'https://chatgpt.com/backend-api/conversation';

/** The user's requests the worker has recorded (storage.session), read in the worker. */
const fieldEvents = () =>
  chrome.storage.session.get('fieldEvents').then(({ fieldEvents = [] }) => fieldEvents);

describe("the field signal counts the user's own ChatGPT requests only", () => {
  let radar;
  let chatgpt;

  before(async () => {
    radar = await launch();
    await waitUntil(
      radar.snapshot,
      (s) => s?.services.every((service) => service.state === 'operational'),
      { what: 'every service operational', timeout: 15_000 },
    );
  });
  after(() => radar?.close());

  it('ignores failing requests and navigations to ChatGPT started by another site', async () => {
    radar.state.chatgptApi = 503;
    const attacker = await radar.context.newPage();
    for (let visit = 0; visit < 2; visit++) {
      await attacker.goto(ATTACK_PAGE);
      const ends = await waitUntil(
        () => attacker.evaluate(() => document.body.dataset.done ?? null),
        (done) => done !== null,
        { what: "the attack page's 12 requests" },
      );
      // The requests reached ChatGPT's backend: the opaque ones resolved, the others failed
      // their CORS check after the server's 503.
      assert.equal(ends.split(',').length, 12, ends);
      assert.equal(ends.split(',').filter((end) => end === 'opaque:0').length, 6, ends);
      // And the attacker's script navigates the tab to the failing backend.
      const navigation = attacker.waitForResponse(BACKEND);
      await attacker.evaluate((url) => window.location.assign(url), BACKEND);
      assert.equal((await navigation).status(), 503);
      await attacker.waitForURL(BACKEND);
    }
    // Give the worker time to see all of it (the real path below shows up within a second).
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    assert.deepEqual(await radar.evaluate(fieldEvents), []);
    const snapshot = await radar.snapshot();
    assert.equal(stateOf(snapshot, 'chatgpt'), 'operational');
    assert.ok(
      !snapshot.services
        .find((service) => service.id === 'chatgpt')
        .reasons.some((reason) => reason.key === 'reason_fieldFailing'),
    );
    assert.deepEqual(await radar.notifications(), {});
    assert.deepEqual(await radar.told(), []);
    assert.deepEqual(
      await radar.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
      [],
    );
    assert.equal((await radar.badge()).text, 'OK');
    await attacker.close();
  });

  it('publishes the snapshot a few times for 50 successful requests, not 50', async (t) => {
    radar.state.chatgptApi = 200;
    // Hold the periodic check back, and wait for any check in flight to end, so every
    // snapshot write counted below comes from the user's requests.
    await radar.evaluate(() => chrome.alarms.clear('check'));
    let seen = -1;
    await waitUntil(
      () => radar.state.requests.length,
      (count) => {
        const calm = count === seen;
        seen = count;
        return calm;
      },
      { what: 'no check in flight', interval: 1_000 },
    );
    await radar.evaluate(() => {
      globalThis.snapshotWrites = 0;
      chrome.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && 'healthSnapshot' in changes) globalThis.snapshotWrites += 1;
      });
    });

    chatgpt = await radar.context.newPage();
    await chatgpt.goto('https://chatgpt.com/');
    await chatgpt.locator('#prompt-textarea').waitFor();
    // The same request the page's Send button makes, 50 times in a row.
    const statuses = await chatgpt.evaluate(async () => {
      const statuses = [];
      for (let i = 0; i < 50; i++) {
        const response = await window.fetch('/backend-api/conversation', {
          method: 'POST',
          body: '{}',
        });
        statuses.push(response.status);
      }
      return statuses;
    });
    assert.deepEqual(new Set(statuses), new Set([200]));
    // Every one of them was seen and recorded (plus the page load itself)...
    const events = await waitUntil(
      () => radar.evaluate(fieldEvents),
      (events) => events.length === 51,
      { what: '51 recorded requests' },
    );
    assert.ok(events.every((e) => e.productId === 'chatgpt' && e.outcome === 'ok'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // ...but the snapshot was published when ChatGPT's signal went from quiet to working.
    const writes = await radar.evaluate(() => globalThis.snapshotWrites);
    t.diagnostic(`healthSnapshot written ${writes} time(s) for the page load and 50 requests`);
    assert.ok(writes >= 1 && writes <= 3, `healthSnapshot written ${writes} times`);
    const service = (await radar.snapshot()).services.find((s) => s.id === 'chatgpt');
    assert.ok(service.reasons.some((reason) => reason.key === 'reason_fieldWorking'));
    await radar.fireCheckAlarm();
  });

  it("still turns the user's own failing sends on chatgpt.com into an outage at once", async () => {
    radar.state.chatgptApi = 503;
    await sendFromChatGpt(chatgpt, 2);
    const snapshot = await waitUntil(
      radar.snapshot,
      (s) => stateOf(s, 'chatgpt') === 'partial_outage',
      { what: 'the field signal', timeout: 5_000 },
    );
    const service = snapshot.services.find((s) => s.id === 'chatgpt');
    assert.equal(service.officialState, 'operational');
    assert.deepEqual(service.reasons[0], {
      key: 'reason_fieldFailing',
      substitutions: ['2', 'ChatGPT'],
    });
    await waitUntil(
      () => radar.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
      (scripts) => scripts.length === 1,
      { what: 'the banner script registered' },
    );
    assert.notEqual((await radar.badge()).text, 'OK');
  });
});
