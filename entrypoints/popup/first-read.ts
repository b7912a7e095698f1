/**
 * The popup's first read, started before the rest of its code is evaluated: main.tsx imports
 * this module first, so the storage round trip overlaps with evaluating Preact and the app
 * instead of following it. It uses the browser's own API (no polyfill, no storage wrapper: the
 * point is to ask before they are set up) and the same keys WXT's storage items use.
 */
type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
const api =
  (globalThis as { browser?: { storage: Record<'local' | 'sync', Area> } }).browser ??
  (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync', Area> } }).chrome;

/** The raw stored snapshot with WXT's version meta (`key$`), and the raw settings. */
export const firstRead: Promise<[Record<string, unknown>, Record<string, unknown>]> = Promise.all([
  api.storage.local.get(['healthSnapshot', 'healthSnapshot$']),
  api.storage.sync.get(['settings']).catch(() => ({})),
]);
