/**
 * The popup's first read: the raw stored snapshot with WXT's version meta (`key$`), and the raw
 * settings. It starts when this module is evaluated, which is first thing in the popup's one
 * script (entrypoints/popup-app.ts imports it before anything else), so the storage round
 * trip overlaps with evaluating the rest of the code instead of following it. The browser's
 * own API, not the polyfill: the point is to ask before anything else is set up; the keys are
 * those WXT's storage items use (utils/health/store.ts, utils/settings/settings.ts).
 */
export type FirstRead = Promise<[Record<string, unknown>, Record<string, unknown>]>;

type Area = { get(keys: string[]): Promise<Record<string, unknown>> };
type Api = { storage: Record<'local' | 'sync', Area> };

function readNow(): FirstRead {
  try {
    const api =
      (globalThis as { browser?: Api }).browser ??
      (globalThis as unknown as { chrome: Api }).chrome;
    return Promise.all([
      api.storage.local.get(['healthSnapshot', 'healthSnapshot$']),
      api.storage.sync.get(['settings']).catch(() => ({})),
    ]);
  } catch (error) {
    // The popup then reads through the storage item instead (main.tsx).
    return Promise.reject(error);
  }
}

export const firstRead: FirstRead = readNow();
