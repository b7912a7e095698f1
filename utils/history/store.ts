import {
  createStore,
  delMany,
  entries,
  keys,
  set,
  setMany,
  update,
  values,
  type UseStore,
} from 'idb-keyval';
import type { ComponentState } from '../core/states';
import type { HealthSnapshot } from '../health/types';
import { foldCheck, HOUR_MS, type HourRecord } from './rollup';

/** One line of history: the state of every service at one check. */
export interface CheckRecord {
  checkedAt: number;
  states: Record<string, ComponentState>;
}

/** A week of checks is enough to answer "was it down this morning?" and to measure leads. */
export const HISTORY_KEEP_MS = 7 * 24 * 60 * 60_000;

/**
 * One connection per store for the worker's life: idb-keyval's `createStore` opens a database
 * connection each time it is called, and the worker publishes many times a minute. Keyed by
 * the IndexedDB factory, so a new factory (a new realm) gets its own connection.
 */
const stores = new WeakMap<IDBFactory, Map<string, UseStore>>();
function storeOf(db: string, name: string): UseStore {
  const byName = stores.get(indexedDB) ?? new Map<string, UseStore>();
  stores.set(indexedDB, byName);
  let store = byName.get(db);
  if (!store) {
    store = createStore(db, name);
    byName.set(db, store);
  }
  return store;
}

/** The history store, keyed by check time (numbers sort in IndexedDB, so keys come in order). */
export function historyStore(): UseStore {
  return storeOf('ai-outage-radar', 'checks');
}

/**
 * The hourly roll-up of the history (history/rollup.ts), keyed by the hour's start: what the
 * popup reads, so it never scans a week of per-minute checks.
 */
function hourStore(): UseStore {
  return storeOf('ai-outage-radar-hours', 'hours');
}

/**
 * Appends a check to the history and folds it into its hour's roll-up. Written by the
 * background worker only. While offline the snapshot's states are last known ones, not
 * observations: those minutes are recorded as unknown.
 */
export async function appendCheck(
  snapshot: HealthSnapshot,
  store = historyStore(),
  hours = hourStore(),
): Promise<void> {
  const states = Object.fromEntries(
    snapshot.services.map((service): [string, ComponentState] => [
      service.id,
      snapshot.offline ? 'unknown' : service.state,
    ]),
  );
  const record: CheckRecord = { checkedAt: snapshot.checkedAt, states };
  // One record a minute at most: the worker republishes after every source that answers.
  await set(Math.floor(snapshot.checkedAt / 60_000) * 60_000, record, store);
  const hour = Math.floor(snapshot.checkedAt / HOUR_MS) * HOUR_MS;
  await update<HourRecord>(hour, (before) => foldCheck(before, snapshot.checkedAt, states), hours);
}

/** Drops checks (and hours) older than the keep window; returns how many checks went. */
export async function pruneHistory(
  now: number,
  store = historyStore(),
  hours = hourStore(),
): Promise<number> {
  const old = (await keys<number>(store)).filter((key) => key < now - HISTORY_KEEP_MS);
  await delMany(old, store);
  const oldHours = (await keys<number>(hours)).filter(
    (key) => key < now - HISTORY_KEEP_MS - HOUR_MS,
  );
  await delMany(oldHours, hours);
  return old.length;
}

/** The hourly roll-ups of the last `days` days, for the popup (which never writes them). */
export async function readHours(now: number, days = 7, hours = hourStore()): Promise<HourRecord[]> {
  const from = now - days * 24 * HOUR_MS - HOUR_MS;
  return (await entries<number, HourRecord>(hours))
    .filter(([key, record]) => key >= from && record && typeof record === 'object')
    .map(([, record]) => record);
}

/** One outage as the radar saw it: when its own signals and the official page first said so. */
export interface DetectionRecord {
  serviceId: string;
  /** When the radar opened the outage: with the service, the record's key. */
  openedAt: number;
  /** When the trouble began, as best known (the official start may be earlier). */
  troubleSince: number;
  radarAt: number | null;
  officialAt: number | null;
  /** How much earlier the radar knew than the official page; null until both have spoken. */
  leadMs: number | null;
}

/** Detection records, keyed `serviceId:openedAt`, one per outage. */
export function detectionStore(): UseStore {
  return storeOf('ai-outage-radar-detections', 'detections');
}

/** Outages are remembered for 90 days: enough for "the third outage this month", not forever. */
export const DETECTIONS_KEEP_MS = 90 * 24 * 60 * 60_000;

/** Drops outage records opened before the keep window; returns how many went. */
export async function pruneDetections(now: number, store = detectionStore()): Promise<number> {
  const old = (await entries<string, DetectionRecord>(store))
    .filter(([, record]) => !(record?.openedAt >= now - DETECTIONS_KEEP_MS))
    .map(([key]) => key);
  await delMany(old, store);
  return old.length;
}

/**
 * Keeps the detection times of every outage in progress, so the lead over the official page
 * outlives the outage. Written by the background worker only.
 */
export async function recordDetections(
  snapshot: HealthSnapshot,
  store = detectionStore(),
): Promise<void> {
  const records = snapshot.services.flatMap(
    ({ id, openedAt, troubleSince, detection }): DetectionRecord[] =>
      openedAt === null || troubleSince === null
        ? []
        : [
            {
              serviceId: id,
              openedAt,
              troubleSince,
              ...detection,
              leadMs:
                detection.radarAt !== null && detection.officialAt !== null
                  ? detection.officialAt - detection.radarAt
                  : null,
            },
          ],
  );
  if (records.length === 0) return;
  await setMany(
    records.map((record) => [`${record.serviceId}:${record.openedAt}`, record]),
    store,
  );
}

/** Every recorded outage's detection times. */
export async function readDetections(store = detectionStore()): Promise<DetectionRecord[]> {
  return values<DetectionRecord>(store);
}
