// Desktop notifications in Chromium: held in the quiet hours (and told once they end), one
// grouped notification with two buttons for an outage, one with its duration for the end.
// Chromium keeps a notification's buttons to itself (`getAll` gives ids only), so the test
// watches what the worker hands Chromium: it wraps `chrome.notifications.create` from the
// outside (product code is untouched) and Chromium's own list proves it accepted them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch, stateOf, waitUntil } from './harness.mjs';
import { SINCE_EN } from './since-text.mjs';

/** "HH:MM" local time, as the options page stores quiet hours (Chromium shares our TZ). */
const hhmm = (time) => {
  const date = new Date(time);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
};

const QUIET_NOW = {
  myTools: [],
  hiddenServices: [],
  preferredAlternatives: [],
  mutedServices: [],
  quietHours: {
    enabled: true,
    from: hhmm(Date.now() - 60 * 60_000),
    to: hhmm(Date.now() + 60 * 60_000),
  },
  banner: { enabled: true, sites: { chatgpt: true, sora: true, platform: true } },
  customPages: [],
};

/** Records every notification the worker creates, options included, in the running worker. */
function watchCreate(radar) {
  return radar.evaluate(() => {
    if (globalThis.createdNotifications) return;
    globalThis.createdNotifications = [];
    const create = chrome.notifications.create.bind(chrome.notifications);
    chrome.notifications.create = (...args) => {
      globalThis.createdNotifications.push(JSON.parse(JSON.stringify(args.slice(0, 2))));
      return create(...args);
    };
  });
}
const created = (radar) => radar.evaluate(() => globalThis.createdNotifications ?? []);
const notificationLog = (radar) =>
  radar.evaluate(async () => (await chrome.storage.local.get('notificationLog')).notificationLog);

/**
 * Clicks "Check now" and waits until that check's snapshot is stored, then a moment more:
 * notifications follow the snapshot, so one that is not there by then was not raised. The
 * machine may be busy: the bound is generous, and no assertion is about speed.
 */
async function checkNow(radar, popup) {
  const before = (await radar.snapshot())?.checkedAt ?? 0;
  await popup.getByRole('button', { name: 'Check now' }).click();
  await waitUntil(radar.snapshot, (s) => s?.checkedAt > before, {
    timeout: 60_000,
    what: 'the check to be stored',
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

const LONG = { timeout: 60_000 };

describe('notifications in the quiet hours', () => {
  let radar;
  let popup;
  before(async () => {
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'operational', {
      ...LONG,
      what: 'ChatGPT operational',
    });
    popup = await radar.openPopup();
  });
  after(() => radar?.close());

  it('raise nothing for an outage, and the log shows it held', async () => {
    await radar.evaluate((settings) => chrome.storage.sync.set({ settings }), QUIET_NOW);
    await watchCreate(radar);
    radar.state.openai = 'outage';
    await checkNow(radar, popup);
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'major_outage', {
      ...LONG,
      what: 'the outage',
    });
    const log = await waitUntil(
      () => notificationLog(radar),
      (l) => l?.chatgpt?.quiet,
      {
        ...LONG,
        what: 'the outage held in the log',
      },
    );
    assert.equal(typeof log.chatgpt.quiet.since, 'number');
    assert.equal(log.chatgpt.told, undefined);
    await checkNow(radar, popup);
    assert.deepEqual(await radar.notifications(), {});
    assert.deepEqual(await created(radar), []);
  });

  it('tell it once when they end, with since when', async () => {
    await radar.evaluate((settings) => chrome.storage.sync.set({ settings }), {
      ...QUIET_NOW,
      quietHours: { ...QUIET_NOW.quietHours, enabled: false },
    });
    await checkNow(radar, popup);
    const ids = Object.keys(
      await waitUntil(radar.notifications, (all) => Object.keys(all).length > 0, {
        ...LONG,
        what: 'the held outage, told',
      }),
    );
    assert.equal(ids.length, 1, ids.join(', '));
    assert.match(ids[0], /^outage\|trouble\|\d+\|chatgpt\|openai-login$/);
    const [[, options]] = await created(radar);
    assert.match(options.message, new RegExp(`^ChatGPT: Major outage ${SINCE_EN.source}`));
    const log = await notificationLog(radar);
    assert.equal(log.chatgpt.quiet, undefined);
    assert.equal(log.chatgpt.told.state, 'major_outage');
    await checkNow(radar, popup);
    assert.equal((await created(radar)).length, 1, 'told once');
  });
});

describe('notifications for an outage and its end', () => {
  let radar;
  let popup;
  before(async () => {
    radar = await launch();
    await waitUntil(radar.snapshot, (s) => stateOf(s, 'chatgpt') === 'operational', {
      ...LONG,
      what: 'ChatGPT operational',
    });
    popup = await radar.openPopup();
  });
  after(() => radar?.close());

  it('raise one grouped notification with two buttons', async () => {
    await watchCreate(radar);
    radar.state.openai = 'outage';
    await checkNow(radar, popup);
    const ids = Object.keys(
      await waitUntil(radar.notifications, (all) => Object.keys(all).length > 0, {
        ...LONG,
        what: 'the outage notification',
      }),
    );
    assert.equal(ids.length, 1, ids.join(', '));
    assert.match(ids[0], /^outage\|trouble\|\d+\|chatgpt\|openai-login$/);
    const [[id, options]] = await created(radar);
    assert.equal(id, ids[0]);
    assert.equal(options.title, 'Problems: ChatGPT and OpenAI Login');
    assert.match(options.message, /^ChatGPT: Major outage — Elevated errors/);
    assert.deepEqual(options.buttons, [{ title: 'Open Claude' }, { title: 'Status page' }]);
    // What the buttons open is in storage, for a worker that wakes up to the click.
    const { notificationButtons } = await radar.evaluate(() =>
      chrome.storage.local.get('notificationButtons'),
    );
    assert.deepEqual(notificationButtons[id], [{ alternative: 'claude' }, { statusPage: true }]);
  });

  it('raise one for the end, with how long it lasted', async () => {
    radar.state.openai = 'healthy';
    // A page in trouble is due again after the trouble interval: 2 min, 144 s at most with
    // its jitter (utils/cadence/cadence.ts).
    await radar.letTimePass(150_000);
    await radar.fireCheckAlarm();
    const ids = Object.keys(
      await waitUntil(
        radar.notifications,
        (all) => Object.keys(all).some((id) => id.startsWith('outage|recovered|')),
        { ...LONG, what: 'the recovery notification' },
      ),
    );
    assert.equal(ids.filter((id) => id.startsWith('outage|recovered|')).length, 1);
    const ended = (await created(radar)).filter(([id]) => id.startsWith('outage|recovered|'));
    assert.equal(ended.length, 1);
    const [[, options]] = ended;
    assert.equal(options.title, 'Back to normal: ChatGPT and OpenAI Login');
    assert.match(options.message, /^ChatGPT: down for \d+ min\nOpenAI Login: down for \d+ min$/);
    assert.equal(options.buttons, undefined);
  });
});
