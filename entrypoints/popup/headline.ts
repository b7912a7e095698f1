import { isTrouble, formatDuration, formatList, t, uiLanguage } from '@/utils/core';
import { stateLabel } from '@/utils/health';
import type { HealthSnapshot, ServiceHealth } from '@/utils/health';

/**
 * The one sentence that answers before anything is read: all well (and how many rows could
 * not be checked, if any), which service is in what trouble and for how long, or how many
 * are. The user's own tools are named first.
 */
export function headline(
  snapshot: HealthSnapshot | null,
  ordered: readonly ServiceHealth[],
  now: number,
): { text: string; trouble: boolean } {
  if (!snapshot) return { text: t('popup_firstCheck'), trouble: false };
  if (snapshot.offline) return { text: t('offline_message'), trouble: false };
  const troubled = ordered.filter((service) => isTrouble(service.state));
  if (troubled.length === 1) {
    const [service] = troubled as [ServiceHealth];
    const state = stateLabel(service.state).toLocaleLowerCase(uiLanguage());
    return {
      trouble: true,
      text:
        service.troubleSince !== null
          ? t('popup_headlineOne', [
              service.name,
              state,
              formatDuration(now - service.troubleSince),
            ])
          : t('popup_headlineOneNow', [service.name, state]),
    };
  }
  if (troubled.length > 1) {
    return {
      trouble: true,
      text: t('popup_headlineMany', [
        String(troubled.length),
        formatList(troubled.map((service) => service.name)),
      ]),
    };
  }
  if (snapshot.services.every((service) => service.state === 'unknown')) {
    return { text: t('popup_someUnknown'), trouble: false };
  }
  // "All work" only when every row shown was checked: an unknown row is not a working one.
  const unchecked = ordered.filter((service) => service.state === 'unknown').length;
  if (unchecked === 1) return { text: t('popup_headlineCheckedOne'), trouble: false };
  if (unchecked > 1)
    return { text: t('popup_headlineCheckedMany', [String(unchecked)]), trouble: false };
  return { text: t('popup_headlineAllGood'), trouble: false };
}
