import { browser } from 'wxt/browser';
import type { Alternative } from '../catalog/types';
import { stateLabel } from '../health/reason-text';
import type { ServiceHealth } from '../health/types';
import { formatList, t, tAt } from '../core/i18n';
import type { Notice } from './pace';
import { bestAlternative } from '../alternatives/offer';
import { downFor, stepLine, troubleDetail, troubleLine } from './text';
import { userOrder } from '../settings/order';
import type { Settings } from '../settings/types';

/** One desktop notification, ready to show. */
export interface OutageNotification {
  id: string;
  title: string;
  message: string;
  /** Where its first button goes (Chrome): the best alternative, when there is one. */
  alternative: Alternative | null;
  /** Whether it offers a "Status page" button: only while something is still broken. */
  statusButton: boolean;
}

const ID_PREFIX = 'outage';

/** The groups a check's notices make: each becomes one notification. */
const GROUPS = [
  { group: 'trouble', kinds: ['trouble'] },
  { group: 'change', kinds: ['worse', 'better'] },
  { group: 'recovered', kinds: ['recovered'] },
] as const;

/**
 * The notifications for one check's notices: one for everything that just went wrong, one
 * for what got worse or better, one for everything that recovered, so an outage that hits
 * ChatGPT, Sora and the API at once is one notification, not three. The user's own tools come
 * first. Ids carry the check time (so a repeated call for the same check replaces, never
 * duplicates) and the services, first the one the status page is for (so a click knows where
 * to go, even after the worker died and woke up).
 */
export function notificationsFor(
  notices: readonly Notice[],
  checkedAt: number,
  services: readonly ServiceHealth[] = [],
  settings: Pick<Settings, 'myTools' | 'preferredAlternatives'> = {
    myTools: [],
    preferredAlternatives: [],
  },
): OutageNotification[] {
  const ordered = userOrder(notices, settings.myTools, (notice) => notice.service.id);
  const notifications: OutageNotification[] = [];
  for (const { group, kinds } of GROUPS) {
    const members = ordered.filter((notice) => (kinds as readonly string[]).includes(notice.kind));
    if (members.length === 0) continue;
    const id = [ID_PREFIX, group, checkedAt, ...members.map(({ service }) => service.id)].join('|');
    const stillBroken = group !== 'recovered';
    notifications.push({
      id,
      ...textOf(group, members, checkedAt),
      alternative: stillBroken
        ? bestAlternative(
            members.map(({ service }) => service),
            services,
            settings.preferredAlternatives,
          )
        : null,
      statusButton: stillBroken,
    });
  }
  return notifications;
}

function textOf(
  group: (typeof GROUPS)[number]['group'],
  members: readonly Notice[],
  now: number,
): { title: string; message: string } {
  const names = formatList(members.map(({ service }) => service.name));
  const only = members[0];
  if (!only) return { title: '', message: '' };
  if (group === 'trouble') {
    if (members.length === 1)
      return {
        title: troubleLine(only, now),
        message: troubleDetail(only.service) ?? t('notify_noDetail'),
      };
    const states = new Set(members.map(({ service }) => service.state));
    const lines = members.map((notice) => {
      const detail = troubleDetail(notice.service);
      return detail ? `${troubleLine(notice, now)} — ${detail}` : troubleLine(notice, now);
    });
    return {
      title:
        states.size === 1 && !members.some((notice) => notice.late)
          ? t('notify_stateTitle', [names, stateLabel(only.service.state)])
          : t('notify_troubleTitle', names),
      message: lines.join('\n'),
    };
  }
  if (group === 'change') {
    if (members.length === 1)
      return {
        title: stepLine(only),
        message: [tAt('notify_ongoingSince', only.since, [], now), troubleDetail(only.service)]
          .filter(Boolean)
          .join('\n'),
      };
    return { title: t('notify_changedTitle', names), message: members.map(stepLine).join('\n') };
  }
  if (members.length === 1)
    return {
      title: t('notify_backTitle', [only.service.name, downFor(only, now)]),
      message: t('notify_recoveredMessage'),
    };
  return {
    title: t('notify_recoveredTitle', names),
    message: members
      .map((notice) => t('notify_backLine', [notice.service.name, downFor(notice, now)]))
      .join('\n'),
  };
}

/**
 * Chrome shows buttons on a notification; Firefox rejects the option (and the whole
 * notification with it), so its users click the body. Decided at build time.
 */
const NOTIFICATION_BUTTONS = !import.meta.env.FIREFOX;

/** The buttons' labels, in the order `notificationButtonTargets` resolves them. */
function buttonsOf(notification: OutageNotification): { title: string }[] {
  return [
    ...(notification.alternative
      ? [{ title: t('notify_openAlternative', notification.alternative.name) }]
      : []),
    ...(notification.statusButton ? [{ title: t('notify_statusPage') }] : []),
  ];
}

/** What each button opens, by index: an alternative's id or the status page. */
export type ButtonTarget = { alternative: string } | { statusPage: true };

export function buttonTargetsOf(notification: OutageNotification): ButtonTarget[] {
  return [
    ...(notification.alternative ? [{ alternative: notification.alternative.id }] : []),
    ...(notification.statusButton ? [{ statusPage: true as const }] : []),
  ];
}

/** Shows one notification (with its buttons where the browser has them). */
export async function showNotification(notification: OutageNotification): Promise<void> {
  const buttons = NOTIFICATION_BUTTONS ? buttonsOf(notification) : [];
  await browser.notifications.create(notification.id, {
    type: 'basic',
    // Chrome drops a notification that has no icon.
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notification.title,
    message: notification.message,
    ...(buttons.length > 0 ? { buttons } : {}),
  });
}

/** The service a notification is about first (its status page's), from its id. */
export function serviceOfNotification(notificationId: string): string | undefined {
  const [prefix, , , serviceId] = notificationId.split('|');
  return prefix === ID_PREFIX && serviceId ? serviceId : undefined;
}
