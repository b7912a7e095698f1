import type { FirstRead } from './popup/first-read';

/**
 * The popup's first script, a classic one that runs while its page is still being parsed:
 * it asks storage for the snapshot and the settings at once, so the round trip overlaps with
 * loading the popup's code (entrypoints/popup-app.ts) instead of following it. The browser's
 * own API (no polyfill, no storage wrapper: the point is to ask before they are set up), and
 * the same keys WXT's storage items use; the popup picks the promise up in first-read.ts.
 */
export default defineUnlistedScript(() => {
  type Api = { storage: StorageAreas } | undefined;
  const area = (
    (globalThis as { browser?: Api }).browser ?? (globalThis as { chrome?: Api }).chrome
  )?.storage;
  if (!area) return;
  (globalThis as { popupFirstRead?: FirstRead }).popupFirstRead = Promise.all([
    area.local.get(['healthSnapshot', 'healthSnapshot$']),
    area.sync.get(['settings']).catch(() => ({})),
  ]);
});

type StorageArea = { get(keys: string[]): Promise<Record<string, unknown>> };
type StorageAreas = Record<'local' | 'sync', StorageArea>;
