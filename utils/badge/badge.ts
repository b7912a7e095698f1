import { browser } from 'wxt/browser';
import { formatList, t } from '../core/i18n';
import { isTrouble, STATE_COLORS, worstState } from '../core/states';
import type { HealthSnapshot } from '../health/types';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** What the toolbar shows for a snapshot: the worst current state, and who is affected. */
export function badgeFor(snapshot: HealthSnapshot | null): BadgeLook {
  // Offline, every state is stale: one word for the cause, in the colour of "no word".
  if (snapshot?.offline) {
    return {
      text: t('offline_badge'),
      color: STATE_COLORS.unknown,
      title: t('offline_badgeTitle'),
    };
  }
  const state = worstState(snapshot?.services.map((service) => service.state) ?? []);
  const troubled = snapshot?.services.filter((service) => isTrouble(service.state)) ?? [];
  const unknown = snapshot?.services.filter((service) => service.state === 'unknown') ?? [];
  // Green says "no trouble seen", so the tooltip names what the radar has no word on.
  const title =
    troubled.length > 0
      ? t(
          'badge_titleTrouble',
          formatList(troubled.map((service) => `${service.name}: ${t(`state_${service.state}`)}`)),
        )
      : state === 'unknown'
        ? t('badge_titleUnknown')
        : unknown.length > 0
          ? t('badge_titleSomeUnknown', formatList(unknown.map((service) => service.name)))
          : t('badge_titleAllGood');
  return { text: t(`badge_${state}`), color: STATE_COLORS[state], title };
}

/** Paints the toolbar button. Firefox's MV2 build names it `browserAction`. */
export async function applyBadge(snapshot: HealthSnapshot | null): Promise<void> {
  const look = badgeFor(snapshot);
  const action = browser.action ?? browser.browserAction;
  await Promise.all([
    action.setBadgeText({ text: look.text }),
    action.setBadgeBackgroundColor({ color: look.color }),
    action.setTitle({ title: look.title }),
    // Chrome only: white text reads on every badge colour above.
    'setBadgeTextColor' in action ? action.setBadgeTextColor({ color: '#ffffff' }) : undefined,
  ]);
}
