import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshBrowser } from '../../helpers/fresh-browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { CHECK_ALARM } from '@/utils/check/schedule';
import { PRUNE_ALARM } from '@/utils/history/background';
import { removeAllListeners } from '@/utils/messaging';
import type { FieldRequestDetails } from '@/utils/field/classify';
import { fieldEvents } from '@/utils/field/store';
import { healthSnapshot } from '@/utils/health/store';
import { fixtureFetch, type OpenAiScenario } from '../../helpers/fixtures';

describe('background worker', () => {
  let scenario: OpenAiScenario = 'healthy';
  /** Status reads still under way: a check a test started may outlive its assertions. */
  let inFlight = 0;

  beforeEach(() => {
    scenario = 'healthy';
    freshBrowser();
    const answer = fixtureFetch(() => scenario);
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
      inFlight++;
      try {
        return await answer(...args);
      } finally {
        inFlight--;
      }
    });
  });
  afterEach(async () => {
    // A check started by one test (the install check reads every provider) must not publish
    // into the next one's storage: let its reads land and its publishes run first.
    await vi.waitFor(() => expect(inFlight).toBe(0), { timeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
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

  it("publishes once for 200 of the user's healthy requests, and at once for failures", async () => {
    // WXT's fake webRequest throws on addListener: keep the worker's listener instead.
    let completed: ((details: FieldRequestDetails) => void) | undefined;
    vi.spyOn(fakeBrowser.webRequest.onCompleted, 'addListener').mockImplementation(
      (listener) => void (completed = listener as unknown as typeof completed),
    );
    vi.spyOn(fakeBrowser.webRequest.onErrorOccurred, 'addListener').mockImplementation(() => {});
    const snapshotWrites = () =>
      set.mock.calls.filter(([items]) => 'healthSnapshot' in (items as object)).length;
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const sessionSet = vi.spyOn(fakeBrowser.storage.session, 'set');
    const send = (statusCode: number) =>
      completed?.({
        url: 'https://chatgpt.com/backend-api/f/conversation',
        type: 'xmlhttprequest',
        method: 'POST',
        statusCode,
        timeStamp: Date.now(),
        initiator: 'https://chatgpt.com',
      });
    background.main();

    for (let i = 0; i < 200; i++) send(200);
    await vi.waitFor(async () => expect(await fieldEvents.getValue()).toHaveLength(200));
    await vi.waitFor(() => expect(snapshotWrites()).toBe(1)); // quiet → working
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(snapshotWrites()).toBe(1);
    expect(sessionSet.mock.calls.length).toBeLessThanOrEqual(3);

    send(503);
    send(503);
    await vi.waitFor(async () =>
      expect(
        (await healthSnapshot.getValue())?.services.find((s) => s.id === 'chatgpt')?.state,
      ).toBe('partial_outage'),
    );
  });
});
