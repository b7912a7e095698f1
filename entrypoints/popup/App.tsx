import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useStoredValue } from '@/components/useStoredValue';
import { healthSnapshot } from '@/utils/health';
import type { HealthSnapshot, ServiceHealth } from '@/utils/health';
import { hourStrip, uptime } from '@/utils/history';
import { formatAgo, t } from '@/utils/core';
import { normalizeSettings, settings, userOrder, type Settings } from '@/utils/settings';
import { onBackOnline } from './back-online';
import { CheckFooter } from './CheckFooter';
import { headline } from './headline';
import { ServiceRow, type RowHistory } from './ServiceRow';
import { outagesThisWeek, useHistory, type PopupHistory } from './useHistory';

function rowHistory(history: PopupHistory | null, id: string, now: number): RowHistory {
  if (!history) return { strip: null, uptime: undefined, outagesThisWeek: 0 };
  return {
    strip: hourStrip(history.hours, id, now),
    uptime: uptime(history.hours, id, now),
    outagesThisWeek: outagesThisWeek(history.detections, id, now),
  };
}

/**
 * The popup: one headline that answers at once, the user's own tools first, then the rest,
 * each one line unless in trouble; the list scrolls between a fixed headline and footer, so
 * the popup never outgrows the 600 px a browser gives it. `initial` is what main.tsx read
 * before the first render, so the first paint already shows it.
 */
export function App({
  initial,
}: {
  initial: { snapshot: HealthSnapshot | null; settings: Settings };
}) {
  const { value: snapshot } = useStoredValue(healthSnapshot, { value: initial.snapshot });
  const { value: storedSettings } = useStoredValue(settings, { value: initial.settings });
  const history = useHistory(snapshot?.checkedAt ?? null);
  const now = Date.now();

  // Back online with the popup open: ask for a check now rather than at the next alarm.
  const offlineNow = useRef(false);
  offlineNow.current = Boolean(snapshot?.offline);
  useEffect(() => onBackOnline(() => offlineNow.current), []);

  const { myTools, hiddenServices } = normalizeSettings(storedSettings);
  const visible = (snapshot?.services ?? []).filter(
    (service) => !hiddenServices.includes(service.id),
  );
  const ordered = userOrder(visible, myTools, (service) => service.id);
  const mine = ordered.filter((service) => myTools.includes(service.id));
  const others = ordered.filter((service) => !myTools.includes(service.id));
  const head = headline(snapshot, ordered, now);
  const offline = snapshot?.offline ?? null;

  const group = (services: ServiceHealth[], label: string | null) =>
    services.length > 0 && (
      <section aria-label={label ?? undefined}>
        {label && <h2 class="services__heading">{label}</h2>}
        <ul class="services">
          {services.map((service) => (
            <ServiceRow
              key={service.id}
              service={service}
              history={rowHistory(history, service.id, now)}
            />
          ))}
        </ul>
      </section>
    );

  return (
    <main
      class={`popup${head.trouble ? ' popup--trouble' : ''}${offline ? ' popup--offline' : ''}`}
    >
      <header class="popup__header">
        <img class="popup__logo" src="/icon/48.png" alt="" width={20} height={20} />
        <span class="popup__name">{t('extName')}</span>
      </header>
      <h1 class="popup__headline" aria-live="polite">
        {head.text}
      </h1>
      {offline && (
        <p class="popup__last-known">{t('offline_lastKnown', formatAgo(offline.since, now))}</p>
      )}
      <div class="popup__list">
        {group(mine, mine.length > 0 ? t('popup_myTools') : null)}
        {group(others, mine.length > 0 ? t('popup_others') : null)}
      </div>
      <CheckFooter checkedAt={snapshot?.checkedAt ?? null} />
      <p class="popup__privacy">
        {t('popup_footer')}{' '}
        <a
          href="#"
          onClick={(event) => {
            event.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          {t('popup_settings')}
        </a>
      </p>
    </main>
  );
}
