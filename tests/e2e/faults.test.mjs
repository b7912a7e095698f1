import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, stateOf, waitUntil } from './harness.mjs';
import { fixtureText } from './world.mjs';

// Faults, end to end: the built extension in Chromium, status pages at their real URLs
// answering what real pages answer on a bad day. Each fault is made from a capture. Each must
// end in "unknown" with a reason, or in the right verdict: never a crash, a false "down", a
// stale "operational", or a lost history entry.

const TROUBLE = new Set(['degraded', 'partial_outage', 'major_outage']);
const chatgptOf = (snapshot) => snapshot?.services.find((s) => s.id === 'chatgpt');

/** The captured native feed with 200,000 entries in its affected list: about 2 MB. */
const manyEntries = async () => {
  const capture = JSON.parse(await fixtureText('openai/healthy/proxy.json'));
  capture.summary.affected_components = Array.from({ length: 200_000 }, (_, i) => i);
  return JSON.stringify(capture);
};
/** The captured native feed grown past 5 MB (its footer text repeated). */
const hugeBody = async () => {
  const capture = JSON.parse(await fixtureText('openai/healthy/proxy.json'));
  capture.summary.footer_text = 'x'.repeat(5 * 1024 * 1024);
  return JSON.stringify(capture);
};

const FAULTS = [
  {
    name: 'an HTML bot challenge',
    answer: { status: 200, body: '<!doctype html><title>Just a moment...</title>' },
    reason: 'reason_source_not_json',
  },
  { name: 'a 500', answer: { status: 500, body: 'Internal error' }, reason: 'reason_source_http' },
  {
    name: 'a 429 asking for a day of silence',
    answer: { status: 429, body: 'slow down', headers: { 'retry-after': '86400' } },
    reason: 'reason_source_http',
  },
  {
    name: 'a 5 MB body',
    answer: { status: 200, contentType: 'application/json', body: hugeBody },
    reason: 'reason_source_too_large',
  },
  {
    name: 'nothing for 30 s',
    answer: { status: 200, body: '{}', delayMs: 30_000 },
    reason: 'reason_source_timeout',
  },
];

describe('a status page on a bad day, from the first read', () => {
  for (const fault of FAULTS) {
    it(`${fault.name}: "unknown" with the reason, never "down"`, async () => {
      const radar = await launch({ world: { openai: fault.answer } });
      try {
        const snapshot = await waitUntil(
          radar.snapshot,
          (s) => chatgptOf(s)?.reasons.some((r) => r.key === fault.reason),
          { what: fault.reason, timeout: 45_000 },
        );
        const chatgpt = chatgptOf(snapshot);
        assert.equal(chatgpt.officialState, 'unknown');
        assert.ok(!TROUBLE.has(chatgpt.state), chatgpt.state);
        assert.notEqual((await radar.badge()).text, 'DOWN');
        assert.deepEqual(await radar.notifications(), {});
        assert.deepEqual(await radar.told(), []);
        if (fault.answer.headers?.['retry-after']) {
          const read = await radar.evaluate(
            async () => (await chrome.storage.local.get('sourceReads')).sourceReads.openai,
          );
          // Honoured, up to the longest backoff (30 min): not a day of blindness.
          assert.ok(read.nextDueAt - read.attemptedAt <= 30 * 60_000, JSON.stringify(read));
        }
      } finally {
        await radar.close();
      }
    });
  }

  it('a 2 MB body of 200,000 entries: read, and the right verdict', async () => {
    const radar = await launch({
      world: { openai: { status: 200, contentType: 'application/json', body: manyEntries } },
    });
    try {
      const snapshot = await waitUntil(radar.snapshot, (s) => chatgptOf(s)?.lastReadAt, {
        what: 'the page read',
        timeout: 20_000,
      });
      assert.equal(chatgptOf(snapshot).officialState, 'operational');
    } finally {
      await radar.close();
    }
  });
});

describe('the worker and its storage under stress', () => {
  let radar;
  let popup;
  let cdp;
  before(async () => {
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => chatgptOf(s)?.state === 'operational', {
      what: 'ChatGPT operational',
    });
    popup = await radar.openPopup();
    cdp = await radar.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
  });
  after(() => radar?.close());

  const checkNow = async () => {
    await popup.getByRole('button', { name: 'Check now' }).click();
    await popup.getByRole('button', { name: 'Check now' }).waitFor({ timeout: 30_000 });
  };
  const historyCount = () =>
    radar.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('ai-outage-radar');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('checks').objectStore('checks').count();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          };
        }),
    );

  it('finishes the job when the worker is stopped in the middle of a check', async () => {
    const before = await historyCount();
    // The page now answers after 4 s; the worker is stopped while it waits.
    radar.state.openai = { status: 200, body: '{}', delayMs: 4_000 };
    await popup.getByRole('button', { name: 'Check now' }).click();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The outage is served from now on; the next alarm wakes a fresh worker that reads it.
    radar.state.openai = 'outage';
    // The page is due again at most 24 minutes (a calm 20 ± 20 %) after the last read.
    await radar.letTimePass(25 * 60_000);
    await radar.fireCheckAlarm();
    await waitUntil(radar.snapshot, (s) => chatgptOf(s)?.state === 'major_outage', {
      what: 'the outage after the restart',
      timeout: 30_000,
    });
    assert.ok((await historyCount()) >= before, 'no history entry lost');
  });

  it('keeps publishing when IndexedDB fails: the snapshot, badge and notifications go on', async () => {
    radar.state.openai = 'healthy';
    await checkNow();
    await waitUntil(radar.snapshot, (s) => chatgptOf(s)?.state === 'operational', {
      what: 'recovery',
    });
    // A fresh worker, whose every IndexedDB open fails (as a full disk or a broken profile).
    await cdp.send('ServiceWorker.stopAllWorkers');
    await radar.evaluate(() => {
      indexedDB.open = () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      };
    });
    radar.state.openai = 'outage';
    await checkNow();
    await waitUntil(radar.snapshot, (s) => chatgptOf(s)?.state === 'major_outage', {
      what: 'the outage, without history',
    });
    assert.equal((await radar.badge()).text, 'DOWN');
  });
});

describe('noise', () => {
  it('a page flapping 10 times in 5 minutes raises at most 2 notifications', async () => {
    const radar = await launch();
    try {
      await waitUntil(radar.snapshot, (s) => chatgptOf(s)?.state === 'operational', {
        what: 'ChatGPT operational',
      });
      const popup = await radar.openPopup();
      const started = Date.now();
      for (let flip = 0; flip < 10; flip++) {
        const down = flip % 2 === 0;
        radar.state.openai = down ? 'outage' : 'healthy';
        await popup.getByRole('button', { name: 'Check now' }).click();
        await waitUntil(
          radar.snapshot,
          (s) => TROUBLE.has(chatgptOf(s)?.state) === down && chatgptOf(s)?.state !== 'unknown',
          { what: `flip ${flip + 1}` },
        );
      }
      assert.ok(Date.now() - started < 5 * 60_000, 'the flips took under 5 minutes');
      // Notifications follow the snapshot: give the last ones time to land.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const ids = Object.keys(await radar.notifications());
      assert.ok(ids.length <= 2, `${ids.length}: ${ids.join(', ')}`);
      // The first trouble was announced (the pacing log says when). Chromium may already have
      // taken a two-second-old notification off its list when it is read, so the log, not the
      // list, proves it was raised.
      const { notificationLog } = await radar.evaluate(() =>
        chrome.storage.local.get('notificationLog'),
      );
      assert.ok(notificationLog.chatgpt?.troubleAt > started, JSON.stringify(notificationLog));
    } finally {
      await radar.close();
    }
  });

  it('one slow answer of the API alone raises nothing', async () => {
    const radar = await launch();
    try {
      await waitUntil(radar.snapshot, (s) => s !== null, { what: 'first check' });
      const popup = await radar.openPopup();
      const checkNow = async () => {
        await popup.getByRole('button', { name: 'Check now' }).click();
        await popup.getByRole('button', { name: 'Check now' }).waitFor({ timeout: 30_000 });
      };
      // A baseline of quick answers first (five are needed to judge a spike).
      for (let i = 0; i < 6; i++) await checkNow();
      radar.state.probes['https://api.openai.com'] = { delayMs: 3_500 };
      await checkNow();
      radar.state.probes['https://api.openai.com'] = undefined;
      const probe = await radar.evaluate(
        async () => (await chrome.storage.local.get('probeLog')).probeLog['openai-api'],
      );
      assert.ok(probe.results.at(-1).latencyMs >= 3_000, 'the slow answer was measured');
      const snapshot = await radar.snapshot();
      assert.equal(stateOf(snapshot, 'openai-api'), 'operational');
      assert.deepEqual(await radar.notifications(), {});
      assert.deepEqual(await radar.told(), []);
      assert.equal((await radar.badge()).text, 'OK');
    } finally {
      await radar.close();
    }
  });
});
