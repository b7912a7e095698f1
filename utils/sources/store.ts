import { storage } from 'wxt/utils/storage';
import type { SourceRead, SourceReads } from './reads';

// Marked pure: a bundle that does not use this item leaves it out, and with it the migration
// WXT starts when an item is defined, so only the worker, which uses it, ever migrates it.

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
