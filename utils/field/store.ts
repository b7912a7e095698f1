import { storage } from 'wxt/utils/storage';
import type { FieldEvent } from './classify';
import type { PendingSend } from './stalls';

// Marked pure: a bundle that does not use this item leaves it out, and with it the migration
// WXT starts when an item is defined, so only the worker, which uses it, ever migrates it.

/**
 * The user's own recent requests to OpenAI hosts, reduced to product, path class and outcome.
 * `session:` on purpose: it outlives the worker, not the browser, and holds only 5 minutes.
 */
export const fieldEvents = /* @__PURE__ */ storage.defineItem<FieldEvent[]>('session:fieldEvents', {
  fallback: [],
  version: 1,
});

/** The user's sends still waiting for their answer (utils/field/stalls.ts). */
export const pendingSends = /* @__PURE__ */ storage.defineItem<PendingSend[]>(
  'session:fieldPendingSends',
  { fallback: [], version: 1 },
);
