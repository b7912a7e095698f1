import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { appendCheck, pruneHistory, readHours } from '@/utils/history/store';
import { foldCheck, HOUR_MS, hourStrip, uptime, type HourRecord } from '@/utils/history/rollup';
import type { ComponentState } from '@/utils/core/states';
import { serviceHealth } from '../../helpers/health';
import { createStore } from 'idb-keyval';

const MIN = 60_000;
// Hours are epoch hours; this one is 2025-06-10 00:00 UTC: strips below cross a day boundary.
const MIDNIGHT = Date.parse('2025-06-10T00:00:00.000Z');

/** An hour of one service spent in the given states, minute by minute. */
function hourOf(
  hour: number,
  minutes: Partial<Record<ComponentState, number>>,
  id = 'chatgpt',
): HourRecord {
  return { hour, minutes: { [id]: minutes }, lastMinute: hour, lastStates: {} };
}

describe('foldCheck', () => {
  it('counts one minute per minute, however often the worker republishes in it', () => {
    let record = foldCheck(undefined, MIDNIGHT + 10_000, { chatgpt: 'operational' });
    record = foldCheck(record, MIDNIGHT + 40_000, { chatgpt: 'major_outage' });
    expect(record.minutes.chatgpt).toEqual({ operational: 0, major_outage: 1 });
    record = foldCheck(record, MIDNIGHT + MIN + 5_000, { chatgpt: 'major_outage' });
    expect(record.minutes.chatgpt).toEqual({ operational: 0, major_outage: 2 });
  });

  it('starts a new record in a new hour', () => {
    const before = foldCheck(undefined, MIDNIGHT - MIN, { chatgpt: 'operational' });
    const after = foldCheck(before, MIDNIGHT, { chatgpt: 'degraded' });
    expect(after.hour).toBe(MIDNIGHT);
    expect(after.minutes.chatgpt).toEqual({ degraded: 1 });
  });

  it('does not change the record it was given', () => {
    const before = foldCheck(undefined, MIDNIGHT, { chatgpt: 'operational' });
    foldCheck(before, MIDNIGHT + MIN, { chatgpt: 'major_outage' });
    expect(before.minutes.chatgpt).toEqual({ operational: 1 });
  });
});

describe('hourStrip', () => {
  it('gives each of the last 24 hours its worst state, null where nothing was recorded', () => {
    const now = MIDNIGHT + 30 * MIN; // the strip spans yesterday evening and today's first hour
    const records = [
      hourOf(MIDNIGHT, { operational: 30 }),
      hourOf(MIDNIGHT - HOUR_MS, { operational: 55, major_outage: 5 }),
      hourOf(MIDNIGHT - 2 * HOUR_MS, { unknown: 60 }),
      hourOf(MIDNIGHT - 3 * HOUR_MS, { maintenance: 20, operational: 40 }),
      hourOf(MIDNIGHT - 30 * HOUR_MS, { major_outage: 60 }), // too old for the strip
    ];
    const strip = hourStrip(records, 'chatgpt', now);
    expect(strip).toHaveLength(24);
    expect(strip.at(-1)).toBe('operational');
    expect(strip.at(-2)).toBe('major_outage');
    expect(strip.at(-3)).toBe('unknown');
    expect(strip.at(-4)).toBe('maintenance');
    expect(strip.slice(0, 20)).toEqual(Array(20).fill(null));
  });

  it('has nothing for a service the records do not name, and ignores garbage', () => {
    const garbage = { hour: MIDNIGHT, minutes: { chatgpt: { bogus: 3, operational: -1 } } };
    expect(hourStrip([garbage as unknown as HourRecord], 'chatgpt', MIDNIGHT)).toEqual(
      Array(24).fill(null),
    );
    expect(hourStrip([hourOf(MIDNIGHT, { operational: 1 })], 'claude', MIDNIGHT)).toEqual(
      Array(24).fill(null),
    );
  });
});

describe('uptime', () => {
  const now = MIDNIGHT + 30 * MIN;

  it('is the share of known minutes not down, partial outages weighing 30 %', () => {
    const records = [
      hourOf(MIDNIGHT - HOUR_MS, { operational: 30, major_outage: 30 }),
      hourOf(MIDNIGHT - 2 * HOUR_MS, { partial_outage: 60 }),
      hourOf(MIDNIGHT - 3 * HOUR_MS, { degraded: 60 }),
    ];
    // 180 known minutes, 30 + 0.3 × 60 = 48 down.
    expect(uptime(records, 'chatgpt', now)).toBeCloseTo(1 - 48 / 180);
  });

  it('leaves out unknown minutes, maintenance and gaps', () => {
    const records = [
      hourOf(MIDNIGHT, { operational: 30 }),
      hourOf(MIDNIGHT - HOUR_MS, { operational: 30 }),
      hourOf(MIDNIGHT - 5 * HOUR_MS, { unknown: 60 }),
      hourOf(MIDNIGHT - 6 * HOUR_MS, { maintenance: 60 }),
    ];
    expect(uptime(records, 'chatgpt', now)).toBe(1);
  });

  it('counts only the last 7 days', () => {
    const records = [
      hourOf(MIDNIGHT - 2 * HOUR_MS, { operational: 60 }),
      hourOf(MIDNIGHT - 8 * 24 * HOUR_MS, { major_outage: 60 }),
    ];
    expect(uptime(records, 'chatgpt', now)).toBe(1);
  });

  it('is null with nothing known', () => {
    expect(uptime([], 'chatgpt', now)).toBeNull();
    expect(uptime([hourOf(MIDNIGHT, { unknown: 60 })], 'chatgpt', now)).toBeNull();
    // A few minutes are no week: not "0 %" for a service seen down for 3 minutes.
    expect(uptime([hourOf(MIDNIGHT, { major_outage: 3 })], 'chatgpt', now)).toBeNull();
  });
});

describe('the worker writes the roll-up as it appends checks', () => {
  it('folds each check into its hour, offline minutes as unknown, and prunes old hours', async () => {
    const checks = createStore('rollup-test-checks', 'checks');
    const hours = createStore('rollup-test-hours', 'hours');
    const at = MIDNIGHT + 5 * MIN;
    const services = [serviceHealth({ state: 'major_outage' })];
    await appendCheck({ checkedAt: at, services }, checks, hours);
    await appendCheck({ checkedAt: at + 20_000, services }, checks, hours);
    await appendCheck({ checkedAt: at + MIN, services, offline: { since: at } }, checks, hours);
    const [record] = await readHours(at + MIN, 7, hours);
    expect(record?.minutes.chatgpt).toEqual({ major_outage: 1, unknown: 1 });

    await pruneHistory(at + 9 * 24 * HOUR_MS, checks, hours);
    expect(await readHours(at, 30, hours)).toEqual([]);
  });
});
