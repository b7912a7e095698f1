import { browser } from 'wxt/browser';
import { ALTERNATIVES } from '../catalog/alternatives';
import { buttonTargetsOf, serviceOfNotification, type OutageNotification } from './notifications';
import { statusPageOf } from '../custom-pages/providers';
import { readSettings } from '../settings/settings';
import { notificationButtons } from './store';

/** Notifications whose buttons are remembered at most: older ones are long gone. */
const REMEMBERED = 20;

/** Remembers what `notification`'s buttons open, for a click after the worker restarted. */
export async function rememberButtons(notification: OutageNotification): Promise<void> {
  const targets = buttonTargetsOf(notification);
  if (targets.length === 0) return;
  const all = await notificationButtons.getValue();
  const kept = Object.entries(all).slice(-(REMEMBERED - 1));
  await notificationButtons.setValue(Object.fromEntries([...kept, [notification.id, targets]]));
}

async function forget(notificationId: string): Promise<void> {
  const all = await notificationButtons.getValue();
  if (!Object.hasOwn(all, notificationId)) return;
  delete all[notificationId];
  await notificationButtons.setValue(all);
}

/** The status page of the service a notification is about first; undefined when not ours. */
async function statusPageFor(notificationId: string): Promise<string | undefined> {
  const serviceId = serviceOfNotification(notificationId);
  return serviceId ? statusPageOf(serviceId, await readSettings()) : undefined;
}

/**
 * Where a notification's button `index` leads. Storage is untrusted: an alternative is
 * opened only by its catalog id, at the catalog's own home page.
 */
export async function buttonDestination(
  notificationId: string,
  index: number,
): Promise<string | undefined> {
  const target = (await notificationButtons.getValue())[notificationId]?.[index];
  if (!target || typeof target !== 'object') return undefined;
  if ('alternative' in target)
    return ALTERNATIVES.find((alternative) => alternative.id === target.alternative)?.homeUrl;
  if ('statusPage' in target) return statusPageFor(notificationId);
  return undefined;
}

async function open(notificationId: string, url: string | undefined): Promise<void> {
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
  await forget(notificationId);
}

/**
 * The notifications' click handlers: the body opens the status page, Chrome's buttons the
 * best alternative or the status page. Call synchronously in the background's main, so the
 * click that wakes the worker is delivered.
 */
export function registerNotificationActions(): void {
  browser.notifications.onClicked.addListener((id) => {
    void statusPageFor(id)
      .then((url) => open(id, url))
      .catch((error) => console.error('notifications', error));
  });
  // Firefox has no buttons (and may lack the event): the body click is all there is.
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    void buttonDestination(id, index)
      .then((url) => open(id, url))
      .catch((error) => console.error('notifications', error));
  });
  browser.notifications.onClosed.addListener((id) => {
    void forget(id).catch((error) => console.error('notifications', error));
  });
}
