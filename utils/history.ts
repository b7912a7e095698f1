import { createStore, delMany, keys, set, type UseStore } from 'idb-keyval';
import type { ComponentState } from './health/states';
import type { HealthSnapshot } from './health/types';

/** One line of history: the state of every service at one check. */
export interface CheckRecord {
  checkedAt: number;
  states: Record<string, ComponentState>;
}

/** A week of checks is enough to answer "was it down this morning?" and to measure leads. */
export const HISTORY_KEEP_MS = 7 * 24 * 60 * 60_000;

/** The history store, keyed by check time (numbers sort in IndexedDB, so keys come in order). */
export function historyStore(): UseStore {
  return createStore('ai-outage-radar', 'checks');
}

/** Appends a check to the history. Written by the background worker only. */
export async function appendCheck(snapshot: HealthSnapshot, store = historyStore()): Promise<void> {
  const record: CheckRecord = {
    checkedAt: snapshot.checkedAt,
    states: Object.fromEntries(snapshot.services.map((service) => [service.id, service.state])),
  };
  await set(snapshot.checkedAt, record, store);
}

/** Drops checks older than the keep window; returns how many went. */
export async function pruneHistory(now: number, store = historyStore()): Promise<number> {
  const old = (await keys<number>(store)).filter((key) => key < now - HISTORY_KEEP_MS);
  await delMany(old, store);
  return old.length;
}
