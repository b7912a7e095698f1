import { storage } from 'wxt/utils/storage';
import type { ProbeLog } from './probe-log';

// Marked pure: a bundle that does not use this item leaves it out, and with it the migration
// WXT starts when an item is defined, so only the worker, which uses it, ever migrates it.

/**
 * Each probe target's recent results and answered latencies (its baseline), by target id.
 * Written by the worker only.
 */
export const probeLog = /* @__PURE__ */ storage.defineItem<ProbeLog>('local:probeLog', {
  fallback: {},
  version: 1,
});
