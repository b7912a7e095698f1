import { ALTERNATIVES } from '../catalog/alternatives';
import { statusPageOf } from '../custom-pages/providers';
import { readSettings } from '../settings/settings';
import { buttonTargetsOf, serviceOfNotification, type OutageNotification } from './notifications';
import { notificationButtons } from './store';

// What a notification's buttons open is stored, not kept in memory: the worker that showed it
// may have died before the click.

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

export async function forget(notificationId: string): Promise<void> {
  const all = await notificationButtons.getValue();
  if (!Object.hasOwn(all, notificationId)) return;
  delete all[notificationId];
  await notificationButtons.setValue(all);
}

/** The status page of the service a notification is about first; undefined when not ours. */
export async function statusPageFor(notificationId: string): Promise<string | undefined> {
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
