import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { CHECK_ALARM, PRUNE_ALARM } from '@/utils/check/schedule';
import { removeAllListeners } from '@/utils/messaging';
import { statusPageForNotification } from '@/utils/notify';
import { healthSnapshot } from '@/utils/storage';
import { fixtureFetch, type OpenAiScenario } from '../helpers/fixtures';
import { installMessages } from '../helpers/messages';
import { installScripting } from '../helpers/scripting';

describe('background worker', () => {
  let scenario: OpenAiScenario = 'healthy';

  beforeEach(() => {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    installMessages('en');
    installScripting();
    vi.spyOn(globalThis, 'fetch').mockImplementation(fixtureFetch(() => scenario));
  });
  afterEach(() => {
    vi.useRealTimers();
    removeAllListeners();
    vi.restoreAllMocks();
  });

  it('schedules its checks with alarms, not timers', async () => {
    background.main();
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual(
        [CHECK_ALARM, PRUNE_ALARM].sort(),
      ),
    );
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.periodInMinutes).toBe(1);
  });

  it('checks on install and on each alarm, writing the snapshot', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () =>
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('operational'),
    );
    scenario = 'outage';
    // The alarm fires when the page is next due: five calm minutes later.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 60_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: CHECK_ALARM, scheduledTime: Date.now() });
    await vi.waitFor(async () =>
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('major_outage'),
    );
  });

  it('opens the status page when a notification is clicked', () => {
    expect(statusPageForNotification('outage|trouble|123|chatgpt|sora')).toBe(
      'https://status.openai.com',
    );
    expect(statusPageForNotification('something-else')).toBeUndefined();
  });
});
