import { browser } from 'wxt/browser';
import { bannerAllowed, bannerSites } from './decision';
import { migrateBannerDismissal, readSnoozes } from './snooze';
import type { HealthSnapshot } from '../health/types';
import { OPENAI_SITES, type OpenAiSite } from '../catalog/openai-sites';
import { readSettings } from '../settings/settings';
import type { Settings } from '../settings/types';
import { bannerPrefs } from './store';

const BANNER_SCRIPT = '/content-scripts/banner.js';
/** ChatGPT's keeps the id the banner had when it served ChatGPT alone: an update finds it. */
const scriptId = (site: OpenAiSite) =>
  site.id === 'chatgpt' ? 'outage-banner' : `outage-banner-${site.id}`;

/**
 * Puts the banner on an OpenAI site's pages only while there is an outage to show there:
 * the site's product is in trouble, the user lets the banner show on that site, and has not
 * snoozed it. Its content script is then registered for that site's pages (and injected into
 * its tabs already open), and unregistered once any of that stops being true. While all is
 * well, no code of ours runs on OpenAI's pages at all. Banners already on a page follow the
 * snapshot, settings and snoozes, and leave by themselves.
 */
export async function syncBanners(snapshot: HealthSnapshot | null, now: number): Promise<void> {
  await migrateBannerDismissal();
  const [settings, snoozes] = await Promise.all([readSettings(), readSnoozes()]);
  await publishBannerPrefs(settings);
  const wanted = bannerSites(snapshot, settings, snoozes, now);
  const registered = new Set(
    (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
  );
  const stop = OPENAI_SITES.filter(
    (site) => registered.has(scriptId(site)) && !wanted.has(site.id),
  );
  const start = OPENAI_SITES.filter(
    (site) => !registered.has(scriptId(site)) && wanted.has(site.id),
  );
  if (stop.length > 0)
    await browser.scripting.unregisterContentScripts({ ids: stop.map(scriptId) });
  if (start.length === 0) return;
  await browser.scripting.registerContentScripts(
    start.map((site) => ({
      id: scriptId(site),
      matches: [...site.matches],
      js: [BANNER_SCRIPT],
      runAt: 'document_idle' as const,
    })),
  );
  // Host permissions for these pages let us find their tabs without the "tabs" permission.
  const tabs = await browser.tabs.query({ url: start.flatMap((site) => [...site.matches]) });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting
            .executeScript({ target: { tabId: tab.id }, files: [BANNER_SCRIPT] })
            // A tab still loading or showing an error page cannot take a script; it gets the
            // registered one when it loads.
            .catch(() => undefined),
    ),
  );
}

/** Copies what the banner needs of the settings into `bannerPrefs`, when it changed. */
async function publishBannerPrefs(settings: Settings): Promise<void> {
  const prefs = {
    sites: OPENAI_SITES.filter((site) => bannerAllowed(settings, site)).map((site) => site.id),
    preferredAlternatives: settings.preferredAlternatives,
  };
  const stored = await bannerPrefs.getValue();
  if (JSON.stringify(stored) !== JSON.stringify(prefs)) await bannerPrefs.setValue(prefs);
}
