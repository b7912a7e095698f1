import { isTrouble, STATE_COLORS, type ComponentState, t, uiLanguage } from '@/utils/core';

/**
 * The last 24 hours as one bar of hourly slots, oldest left. One element with a gradient, not
 * 24 per service: 19 rows of it cost the popup nothing. Its label says in words what the
 * colours say. `slots` null while the history is being read: an empty bar of the same size,
 * so nothing moves when it fills in.
 */
export function HistoryStrip({ slots }: { slots: (ComponentState | null)[] | null }) {
  if (!slots) return <span class="strip strip--loading" aria-hidden="true" />;
  const width = 100 / slots.length;
  const stops = slots.map((state, index) => {
    // The states' palette; where nothing is known, the page's own grey for no data.
    const color = state && state !== 'unknown' ? STATE_COLORS[state] : 'var(--no-data)';
    return `${color} ${(index * width).toFixed(3)}% ${((index + 1) * width).toFixed(3)}%`;
  });
  const troubled = slots.filter((state) => state !== null && isTrouble(state)).length;
  const known = slots.some((state) => state !== null && state !== 'unknown');
  const label = !known
    ? t('history_stripEmpty')
    : troubled > 0
      ? t('history_stripTrouble', String(troubled))
      : t('history_stripClean');
  return (
    <span
      class="strip"
      role="img"
      aria-label={label}
      title={label}
      style={{ backgroundImage: `linear-gradient(to right, ${stops.join(', ')})` }}
    />
  );
}

/** "99.8 %" in the UI's language; a dash with its reason where there is no data yet. */
export function UptimeText({ value }: { value: number | null | undefined }) {
  if (value === undefined) return <span class="uptime" aria-hidden="true" />;
  if (value === null) {
    return (
      <span class="uptime" title={t('history_uptimeNone')} aria-label={t('history_uptimeNone')}>
        –
      </span>
    );
  }
  // Floor, not round: 99.96 % with a 5-minute outage must not read "100 %".
  const text = new Intl.NumberFormat(uiLanguage(), {
    style: 'percent',
    maximumFractionDigits: 1,
    roundingMode: 'floor',
  } as Intl.NumberFormatOptions).format(value);
  return (
    <span class="uptime" title={t('history_uptime', text)} aria-label={t('history_uptime', text)}>
      {text}
    </span>
  );
}
