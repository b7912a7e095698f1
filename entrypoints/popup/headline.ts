import { isTrouble } from '@/utils/health/states';
import { stateLabel } from '@/utils/health/reason-text';
import type { HealthSnapshot, ServiceHealth } from '@/utils/health/types';
import { formatList, t, uiLanguage } from '@/utils/i18n';

/** "23 min", "2 h 5 min", "3 days" in the UI's language: how long a trouble has lasted. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  const unit = (value: number, name: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit: name, unitDisplay: 'short' }).format(
      value,
    );
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    const rest = minutes % 60;
    return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
  }
  return unit(Math.round(hours / 24), 'day');
}

/**
 * The one sentence that answers before anything is read: all well, which service is in what
 * trouble and for how long, or how many are. The user's own tools are named first.
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
  return { text: t('popup_headlineAllGood'), trouble: false };
}
