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
import { CHECK_ALARM, ensureCheckAlarm, singleFlight } from './schedule';

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
  const check = singleFlight(() => radar.check());
  const checkAll = singleFlight(() => radar.check(true), { rerun: true });

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
        if (event.outcome === 'failed') await check();
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

  return { check: () => radar.check(), checkAll, refresh: () => radar.refresh() };
}
