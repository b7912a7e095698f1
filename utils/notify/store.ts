import { storage } from 'wxt/utils/storage';
import type { ButtonTarget } from './notifications';
import type { NotificationLog } from './pace';

// Marked pure: a bundle that does not use this item leaves it out, and with it the migration
// WXT starts when an item is defined, so only the worker, which uses it, ever migrates it.

/**
 * The notifications raised lately, by service, so a flapping page raises at most one
 * "problems" and one "back to normal", a step is told at most once a window, and what the
 * quiet hours held back is told once when they end (utils/notify/pace.ts). Fields added since
 * v1 are optional: a v1 log reads as nothing told. Written by the worker only.
 */
export const notificationLog = /* @__PURE__ */ storage.defineItem<NotificationLog>(
  'local:notificationLog',
  { fallback: {}, version: 1 },
);

/**
 * What the buttons of each notification still shown open, by notification id
 * (utils/notify/buttons.ts): the worker that showed it may have died before the click.
 * Written by the worker only.
 */
export const notificationButtons = /* @__PURE__ */ storage.defineItem<
  Record<string, ButtonTarget[]>
>('local:notificationButtons', { fallback: {}, version: 1 });
