import { storage } from 'wxt/utils/storage';
import type { HealthSnapshot, ServiceHealth } from './types';

// Marked pure: a bundle that does not use this item leaves it out, and with it the migration
// WXT starts when an item is defined, so only the worker, which uses it, ever migrates it.

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
