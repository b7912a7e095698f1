import { storage } from 'wxt/utils/storage';

// Marked pure: a bundle that does not use this item leaves it out, and with it the migration
// WXT starts when an item is defined, so only the worker, which uses it, ever migrates it.

/**
 * The ChatGPT outage the user dismissed the banner for, by the time the radar opened it
 * (`openedAt`), from before snoozes per site. Kept so a dismissal made before an update still
 * holds: the worker moves it into `bannerSnoozes` and clears it (utils/banner/snooze.ts).
 */
export const bannerDismissedFor = /* @__PURE__ */ storage.defineItem<number | null>(
  'local:bannerDismissedFor',
  {
    fallback: null,
    version: 1,
  },
);

/**
 * The sites whose banner the user snoozed (utils/banner/snooze.ts): for an hour (`until`), or
 * for one outage, by the time the radar opened it (`openedAt`). Written by the worker on the
 * banner's request; read by the worker (to register the banner) and the banner. What
 * `bannerDismissedFor` held, ChatGPT's outage dismissed, is carried over as ChatGPT's snooze
 * until recovery (migrateBannerDismissal).
 */
export const bannerSnoozes = /* @__PURE__ */ storage.defineItem<Record<string, unknown>>(
  'local:bannerSnoozes',
  {
    fallback: {},
    version: 1,
  },
);

/**
 * What the banner needs of the user's settings, copied by the worker from `storage.sync` at
 * each publish: the sites it may show on, and the alternatives the user prefers, best first.
 * The banner reads this, never `storage.sync`: a content script reading `storage.sync` in
 * headless Chromium made the extension's notifications vanish (tests/e2e/outage.test.mjs), and
 * the page's script gets no more of the user's settings than the banner needs.
 */
export const bannerPrefs = /* @__PURE__ */ storage.defineItem<{
  sites: string[];
  preferredAlternatives: string[];
}>('local:bannerPrefs', { fallback: { sites: [], preferredAlternatives: [] }, version: 1 });
