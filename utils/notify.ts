import { browser } from 'wxt/browser';
import { findProduct } from './catalog';
import { formatList, t } from './i18n';
import type { Transition } from './health/episodes';

/** One desktop notification, ready to show. */
export interface OutageNotification {
  id: string;
  title: string;
  message: string;
}

const ID_PREFIX = 'outage';

/**
 * The notifications for one check's transitions: one for everything that just went wrong,
 * one for everything that just recovered, so an outage that hits ChatGPT, Sora and the API
 * at once is one notification, not three. Ids carry the check time (so a repeated call for
 * the same check replaces, never duplicates) and the services (so a click knows where to go).
 */
export function notificationsFor(
  transitions: readonly Transition[],
  checkedAt: number,
): OutageNotification[] {
  const notifications: OutageNotification[] = [];
  const trouble = transitions.filter((transition) => transition.kind === 'trouble');
  const recovered = transitions.filter((transition) => transition.kind === 'recovered');
  if (trouble.length > 0) {
    notifications.push({
      id: [ID_PREFIX, 'trouble', checkedAt, ...trouble.map(({ service }) => service.id)].join('|'),
      title: t('notify_troubleTitle', formatList(trouble.map(({ service }) => service.name))),
      message: trouble
        .map(({ service }) => {
          const incident = service.incidents[0]?.title;
          return `${service.name}: ${t(`state_${service.state}`)}${incident ? ` — ${incident}` : ''}`;
        })
        .join('\n'),
    });
  }
  if (recovered.length > 0) {
    notifications.push({
      id: [ID_PREFIX, 'recovered', checkedAt, ...recovered.map(({ service }) => service.id)].join(
        '|',
      ),
      title: t('notify_recoveredTitle', formatList(recovered.map(({ service }) => service.name))),
      message: t('notify_recoveredMessage'),
    });
  }
  return notifications;
}

/** Shows the notifications for a check's transitions. */
export async function notifyTransitions(
  transitions: readonly Transition[],
  checkedAt: number,
): Promise<void> {
  for (const notification of notificationsFor(transitions, checkedAt)) {
    await browser.notifications.create(notification.id, {
      type: 'basic',
      // Chrome drops a notification that has no icon.
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notification.title,
      message: notification.message,
    });
  }
}

/** The status page a notification is about, for its click. */
export function statusPageForNotification(notificationId: string): string | undefined {
  const [prefix, , , serviceId] = notificationId.split('|');
  if (prefix !== ID_PREFIX || !serviceId) return undefined;
  return findProduct(serviceId)?.provider.statusPageUrl;
}
