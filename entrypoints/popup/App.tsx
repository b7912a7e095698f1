import { useStoredValue } from '@/components/useStoredValue';
import { isTrouble } from '@/utils/health/states';
import { healthSnapshot } from '@/utils/storage';
import { formatList, t } from '@/utils/i18n';
import { CheckFooter } from './CheckFooter';
import { ServiceRow } from './ServiceRow';

/** The popup: the stored snapshot, rendered at once and kept live. */
export function App() {
  const { value: snapshot, loaded } = useStoredValue(healthSnapshot);
  const troubled = snapshot?.services.filter((service) => isTrouble(service.state)) ?? [];
  const unknown = snapshot?.services.some((service) => service.state === 'unknown') ?? false;
  const summary = !snapshot
    ? t('popup_firstCheck')
    : troubled.length > 0
      ? t('popup_trouble', formatList(troubled.map((service) => service.name)))
      : unknown
        ? t('popup_someUnknown')
        : t('popup_allGood');
  return (
    <main class={`popup ${troubled.length > 0 ? 'popup--trouble' : ''}`}>
      <header class="popup__header">
        <img class="popup__logo" src="/icon/48.png" alt="" width={24} height={24} />
        <h1>{t('extName')}</h1>
      </header>
      {loaded && (
        <p class="popup__summary" role="status">
          {summary}
        </p>
      )}
      {snapshot && troubled.length > 0 && (
        <section aria-label={t('popup_groupTrouble')}>
          <ul class="services">
            {troubled.map((service) => (
              <ServiceRow key={service.id} service={service} />
            ))}
          </ul>
          <h2 class="services__heading">{t('popup_groupOthers')}</h2>
        </section>
      )}
      {snapshot && (
        <ul class="services services--others">
          {snapshot.services
            .filter((service) => !isTrouble(service.state))
            .map((service) => (
              <ServiceRow key={service.id} service={service} />
            ))}
        </ul>
      )}
      <CheckFooter checkedAt={snapshot?.checkedAt ?? null} />
      <p class="popup__privacy">{t('popup_footer')}</p>
    </main>
  );
}
