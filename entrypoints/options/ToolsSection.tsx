import { PROVIDERS } from '@/utils/catalog';
import { customId } from '@/utils/custom-pages';
import { t } from '@/utils/core';
import { withMember, type Settings } from '@/utils/settings';
import type { SettingsEdit } from './types';

/** One row per product: the catalog's, then the pages the user added. */
function productsOf(current: Settings): { id: string; name: string }[] {
  return [
    ...PROVIDERS.flatMap((provider) => provider.products),
    ...current.customPages.map((page) => ({ id: customId(page), name: page.name })),
  ];
}

/**
 * "Your AI tools": per product, whether the user works with it (listed first everywhere),
 * whether it is watched at all, and whether it may notify. A product not watched cannot
 * notify, so that toggle is off and disabled, not silently ignored.
 */
export function ToolsSection({ current, change }: { current: Settings; change: SettingsEdit }) {
  // The checkbox's state is read at the click: the edit itself runs after earlier ones.
  const toggle = (list: 'myTools' | 'hiddenServices' | 'mutedServices', id: string, on: boolean) =>
    change((now) => ({ ...now, [list]: withMember(now[list], id, on) }));
  return (
    <section aria-labelledby="tools-title">
      <h2 id="tools-title">{t('options_toolsTitle')}</h2>
      <p class="hint">{t('options_toolsHint')}</p>
      <table class="tools">
        <thead>
          <tr>
            <th scope="col">{t('options_toolsService')}</th>
            <th scope="col">{t('options_toolsUse')}</th>
            <th scope="col">{t('options_toolsWatch')}</th>
            <th scope="col">{t('options_toolsNotify')}</th>
          </tr>
        </thead>
        <tbody>
          {productsOf(current).map(({ id, name }) => {
            const watched = !current.hiddenServices.includes(id);
            return (
              <tr key={id} data-product={id}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    name="use"
                    aria-label={t('options_toolsUseLabel', name)}
                    checked={current.myTools.includes(id)}
                    onChange={(event) => toggle('myTools', id, event.currentTarget.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name="watch"
                    aria-label={t('options_toolsWatchLabel', name)}
                    checked={watched}
                    onChange={(event) => toggle('hiddenServices', id, !event.currentTarget.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name="notify"
                    aria-label={t('options_toolsNotifyLabel', name)}
                    checked={watched && !current.mutedServices.includes(id)}
                    disabled={!watched}
                    onChange={(event) => toggle('mutedServices', id, !event.currentTarget.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
