/**
 * The popup's first read: the raw stored snapshot with WXT's version meta (`key$`), and the raw
 * settings. Started by entrypoints/popup-first-read.ts while the page was still being parsed;
 * started here if that script did not run.
 */
export type FirstRead = Promise<[Record<string, unknown>, Record<string, unknown>]>;

type Area = { get(keys: string[]): Promise<Record<string, unknown>> };

export function firstRead(): FirstRead {
  const started = (globalThis as { popupFirstRead?: FirstRead }).popupFirstRead;
  if (started) return started;
  const api =
    (globalThis as { browser?: { storage: Record<'local' | 'sync', Area> } }).browser ??
    (globalThis as unknown as { chrome: { storage: Record<'local' | 'sync', Area> } }).chrome;
  return Promise.all([
    api.storage.local.get(['healthSnapshot', 'healthSnapshot$']),
    api.storage.sync.get(['settings']).catch(() => ({})),
  ]);
}
