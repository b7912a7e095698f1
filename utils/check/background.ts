import { browser } from 'wxt/browser';
import {
  checkStalledSends,
  observeFieldRequests,
  recordFieldEvent,
  STALL_ALARM,
} from '../field/background';
import type { FieldEvent } from '../field/classify';
import { onMessage } from '../messaging';
import { createRadar } from './run-check';
import { CHECK_ALARM, ensureCheckAlarm, scheduleCheck, singleFlight } from './schedule';

const warn = (error: unknown) => console.warn('[field] cannot look for hung sends', error);

/** The radar as the other listeners drive it. */
export interface RadarHandle {
  /** A check of what is due, outside the single flight: it must read settings just changed. */
  check: () => Promise<unknown>;
  /** A full check ("Check now", install, start-up, the connection back), one at a time. */
  checkAll: () => Promise<unknown>;
  /** Republishes from what is stored. */
  refresh: () => Promise<unknown>;
}

/**
 * The radar's own listeners, registered synchronously in the background's main so an event
 * that wakes the worker is delivered: the check alarm, install and start-up, "Check now", and
 * the user's own requests to OpenAI.
 */
export function registerRadar(): RadarHandle {
  const radar = createRadar();
  // After each check, the worker sleeps until something falls due (run-check.ts nextCheckAt).
  const scheduleNext = () =>
    radar
      .nextCheckAt()
      .then(scheduleCheck)
      .catch((error) => console.warn('[check] cannot schedule the next check', error));
  const thenSchedule =
    <T>(run: () => Promise<T>) =>
    () =>
      run().finally(() => void scheduleNext());
  const check = singleFlight(thenSchedule(() => radar.check()));
  const checkAll = singleFlight(
    thenSchedule(() => radar.check(true)),
    { rerun: true },
  );

  browser.runtime.onInstalled.addListener(() => void checkAll());
  browser.runtime.onStartup.addListener(() => void checkAll());
  // The user's own requests to ChatGPT: the earliest signal there is. A request that changes
  // what its product's signal says (quiet/working/failing, or the failures counted while
  // failing) is published at once, and a failure among them makes the radar look at the
  // official page and probes straight away; the 200th healthy request publishes nothing.
  const onFieldEvent = (event: FieldEvent) =>
    recordFieldEvent(event)
      .then(async ({ changed }) => {
        if (!changed) return;
        await radar.refresh();
        // A failure pulls the official page and probes forward; any change of what the
        // user's requests say (ChatGPT now in use, or quiet) may move the next check.
        if (event.outcome === 'failed') await check();
        else await scheduleNext();
      })
      .catch((error) => console.error('field', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    // Each check first counts the sends that hang (the stall alarm may come late, or never).
    if (alarm.name === CHECK_ALARM) void checkStalledSends(onFieldEvent).catch(warn).then(check);
    if (alarm.name === STALL_ALARM) void checkStalledSends(onFieldEvent).catch(warn);
  });
  observeFieldRequests(onFieldEvent);
  onMessage('checkNow', () => checkAll());
  void ensureCheckAlarm();

  return {
    check: thenSchedule(() => radar.check()),
    checkAll,
    refresh: () => radar.refresh(),
  };
}
