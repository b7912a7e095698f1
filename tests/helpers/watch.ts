import { PROVIDERS } from '@/utils/catalog';
import { settings } from '@/utils/settings/settings';
import { normalizeSettings } from '@/utils/settings/normalize';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings/types';

/**
 * Settings under which the radar watches only these catalog providers (and the custom pages in
 * `more`), as a user who hid every other service would: each check builds its provider list
 * from the settings, the way the product does.
 */
export async function watchOnly(
  providerIds: readonly string[],
  more: Partial<Settings> = {},
): Promise<void> {
  const others = PROVIDERS.filter((provider) => !providerIds.includes(provider.id)).flatMap(
    (provider) => provider.products.map((product) => product.id),
  );
  await settings.setValue(
    normalizeSettings({
      ...DEFAULT_SETTINGS,
      ...more,
      hiddenServices: [...others, ...(more.hiddenServices ?? [])],
    }),
  );
}
