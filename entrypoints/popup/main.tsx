import { firstRead } from './first-read';
import { render } from 'preact';
import { healthSnapshot } from '@/utils/health';
import type { HealthSnapshot } from '@/utils/health';
import { t, uiLanguage } from '@/utils/core';
import { normalizeSettings } from '@/utils/settings';
import { App } from './App';

/** The snapshot version healthSnapshot (utils/health/store.ts) stores; older ones need migrating. */
const SNAPSHOT_VERSION = 2;

/** Renders the popup; its one script (entrypoints/popup-app.ts) calls it. */
export function startPopup(): void {
  document.documentElement.lang = uiLanguage();
  document.title = t('extName');

  // Nothing is rendered until the snapshot is read: the first paint is the answer, not an
  // empty frame that the answer replaces a moment later (and no layout shift either).
  void firstRead
    .then(async ([local, sync]) => {
      const meta = local['healthSnapshot$'] as { v?: number } | undefined;
      // A snapshot stored by an older version goes through the item, which migrates it.
      const snapshot =
        local.healthSnapshot == null || meta?.v === SNAPSHOT_VERSION
          ? ((local.healthSnapshot as HealthSnapshot | undefined) ?? null)
          : await healthSnapshot.getValue();
      return { snapshot, settings: normalizeSettings(sync.settings) };
    })
    .catch(async () => ({
      snapshot: await healthSnapshot.getValue(),
      settings: normalizeSettings(undefined),
    }))
    .then((initial) => {
      render(<App initial={initial} />, document.getElementById('app')!);
    });
}
