import { storage } from 'wxt/utils/storage';
import type { SourceRead, SourceReads } from './sources/reads';
import type { FieldEvent } from './field/classify';
import type { HealthSnapshot, ServiceHealth } from './health/types';
import type { ButtonTarget } from './notify/notifications';
import type { NotificationLog } from './notify/pace';
import type { ProbeLog } from './probes/probe-log';

// Each item is marked pure: a bundle that does not use an item leaves it out, and with it the
// migration WXT starts when an item is defined. The pages and the banner then never migrate
// (write) the worker's items themselves; the worker, which uses them all, does.

/** The latest health snapshot; written only by the background worker, read by every UI. */
export const healthSnapshot = /* @__PURE__ */ storage.defineItem<HealthSnapshot | null>(
  'local:healthSnapshot',
  {
    fallback: null,
    version: 2,
    migrations: {
      // v1 predates outage identities and detection times (`openedAt`, `calmSince`,
      // `detection`, `lastReadAt`) and used reason keys and substitutions since renamed. The
      // worker recomputes the snapshot on its first check after an update: until then, keep the
      // states and fill the rest, with no reasons rather than wrong ones.
      2: (old: { checkedAt?: number; services?: Partial<ServiceHealth>[] } | null) =>
        old && Array.isArray(old.services)
          ? {
              checkedAt: old.checkedAt ?? 0,
              services: old.services.map((service): ServiceHealth => ({
                ...(service as ServiceHealth),
                reasons: [],
                troubleSince: service.troubleSince ?? null,
                openedAt: service.openedAt ?? service.troubleSince ?? null,
                lastReadAt: service.lastReadAt ?? null,
                calmSince: service.calmSince ?? null,
                detection: service.detection ?? { radarAt: null, officialAt: null },
              })),
            }
          : null,
    },
  },
);

/**
 * What the worker remembers of each provider's status source between checks: the last good
 * report, the last error, and when to read it next. Written by the worker only.
 */
export const sourceReads = /* @__PURE__ */ storage.defineItem<SourceReads>('local:sourceReads', {
  fallback: {},
  version: 2,
  migrations: {
    // v2 remembers each page's layout (`layout`); v1 had none, so none is known yet.
    2: (reads: Record<string, Omit<SourceRead, 'layout'>>): SourceReads =>
      Object.fromEntries(
        Object.entries(reads).map(([id, read]) => [id, { ...read, layout: null }]),
      ),
  },
});

/**
 * The ChatGPT outage the user dismissed the banner for, by the time the radar opened it
 * (`openedAt`), from before snoozes per site. Kept so a dismissal made before an update still
 * holds: the worker moves it into `bannerSnoozes` and clears it (utils/banner-snooze.ts).
 */
export const bannerDismissedFor = /* @__PURE__ */ storage.defineItem<number | null>(
  'local:bannerDismissedFor',
  {
    fallback: null,
    version: 1,
  },
);

/**
 * The sites whose banner the user snoozed (utils/banner-snooze.ts): for an hour (`until`), or
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

/**
 * Each probe target's recent results and answered latencies (its baseline), by target id.
 * Written by the worker only.
 */
export const probeLog = /* @__PURE__ */ storage.defineItem<ProbeLog>('local:probeLog', {
  fallback: {},
  version: 1,
});

/**
 * The user's own recent requests to OpenAI hosts, reduced to product, path class and outcome.
 * `session:` on purpose: it outlives the worker, not the browser, and holds only 5 minutes.
 */
export const fieldEvents = /* @__PURE__ */ storage.defineItem<FieldEvent[]>('session:fieldEvents', {
  fallback: [],
  version: 1,
});

/**
 * The notifications raised lately, by service, so a flapping page raises at most one
 * "problems" and one "back to normal", a step is told at most once a window, and what the
 * quiet hours held back is told once when they end (utils/notify-pace.ts). Fields added since
 * v1 are optional: a v1 log reads as nothing told. Written by the worker only.
 */
export const notificationLog = /* @__PURE__ */ storage.defineItem<NotificationLog>(
  'local:notificationLog',
  { fallback: {}, version: 1 },
);

/**
 * What the buttons of each notification still shown open, by notification id
 * (utils/notify-actions.ts): the worker that showed it may have died before the click.
 * Written by the worker only.
 */
export const notificationButtons = /* @__PURE__ */ storage.defineItem<
  Record<string, ButtonTarget[]>
>('local:notificationButtons', { fallback: {}, version: 1 });
