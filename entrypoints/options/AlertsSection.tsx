import { t } from '@/utils/core';
import type { Settings } from '@/utils/settings';
import { BANNER_SITES, type BannerSite } from '@/utils/catalog';
import type { SettingsEdit } from './types';

const SITE_NAMES: Record<BannerSite, string> = {
  chatgpt: 'ChatGPT',
  sora: 'Sora',
  platform: 'OpenAI Platform',
};

/** "Notifications" (quiet hours) and "Banner" (on or off, and on which OpenAI sites). */
export function AlertsSection({ current, change }: { current: Settings; change: SettingsEdit }) {
  const quiet = current.quietHours;
  const setQuiet = (edit: Partial<Settings['quietHours']>) =>
    change((now) => ({ ...now, quietHours: { ...now.quietHours, ...edit } }));
  return (
    <>
      <section aria-labelledby="quiet-title">
        <h2 id="quiet-title">{t('options_quietTitle')}</h2>
        <label class="switch">
          <input
            type="checkbox"
            name="quiet"
            checked={quiet.enabled}
            onChange={(event) => setQuiet({ enabled: event.currentTarget.checked })}
          />
          {t('options_quietOn')}
        </label>
        <div class="row" aria-disabled={!quiet.enabled}>
          <label>
            {t('options_quietFrom')}
            <input
              type="time"
              name="quietFrom"
              value={quiet.from}
              disabled={!quiet.enabled}
              onChange={(event) => setQuiet({ from: event.currentTarget.value })}
            />
          </label>
          <label>
            {t('options_quietTo')}
            <input
              type="time"
              name="quietTo"
              value={quiet.to}
              disabled={!quiet.enabled}
              onChange={(event) => setQuiet({ to: event.currentTarget.value })}
            />
          </label>
        </div>
        <p class="hint">{t('options_quietHint')}</p>
      </section>
      <section aria-labelledby="banner-title">
        <h2 id="banner-title">{t('options_bannerTitle')}</h2>
        <label class="switch">
          <input
            type="checkbox"
            name="banner"
            checked={current.banner.enabled}
            onChange={(event) => {
              const enabled = event.currentTarget.checked;
              void change((now) => ({ ...now, banner: { ...now.banner, enabled } }));
            }}
          />
          {t('options_bannerOn')}
        </label>
        <fieldset disabled={!current.banner.enabled}>
          <legend>{t('options_bannerSites')}</legend>
          {BANNER_SITES.map((site) => (
            <label key={site} class="switch">
              <input
                type="checkbox"
                name={`site-${site}`}
                checked={current.banner.sites[site]}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  void change((now) => ({
                    ...now,
                    banner: { ...now.banner, sites: { ...now.banner.sites, [site]: on } },
                  }));
                }}
              />
              {SITE_NAMES[site]}
            </label>
          ))}
        </fieldset>
      </section>
    </>
  );
}
