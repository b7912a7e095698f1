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
    // The period is a safety net: each check sets the next one itself (below).
    expect((await fakeBrowser.alarms.get(CHECK_ALARM))?.periodInMinutes).toBe(25);
  });

  it('sleeps until something falls due while all is well, and checks every minute in trouble', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () =>
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('operational'),
    );
    // Calm, no ChatGPT tab: the next check is when the first page or probe falls due (20 min
    // ± 20 %), not in a minute: a worker woken for nothing costs CPU.
    const calm = await vi.waitFor(async () => {
      const at = (await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime ?? 0;
      expect(at - Date.now()).toBeGreaterThan(10 * 60_000);
      return at;
    });
    expect(calm - Date.now()).toBeLessThanOrEqual(24 * 60_000);
    // Half an hour on, every page is due: the outage is read, and from then on every minute.
    scenario = 'outage';
    const later = Date.now() + 30 * 60_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later);
    await fakeBrowser.alarms.onAlarm.trigger({ name: CHECK_ALARM, scheduledTime: later });
    await vi.waitFor(async () =>
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('major_outage'),
    );
    await vi.waitFor(async () => {
      const next = (await fakeBrowser.alarms.get(CHECK_ALARM))?.scheduledTime ?? 0;
      expect(Math.abs(next - (later + 60_000))).toBeLessThan(5_000);
    });
  });

  it('checks on install and on each alarm, writing the snapshot', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await vi.waitFor(async () =>
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('operational'),
    );
    scenario = 'outage';
    // The alarm fires when the page is next due: twenty calm minutes later, ± 20 %.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * 60_000);
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
