import { render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { offerAlternatives } from '@/utils/alternatives';
import { bannerService, normalizeSnoozes, bannerPrefs, bannerSnoozes } from '@/utils/banner';
import { sendMessage } from '@/utils/messaging';
import { OPENAI_SITE_MATCHES, siteForHost } from '@/utils/catalog';
import { healthSnapshot } from '@/utils/health';
import { Banner } from './Banner';
import { keepInPage } from './keep-in-page';
import '@/components/state-dot.css';
import './style.css';

/**
 * The outage banner, on the OpenAI site the user works on (ChatGPT, Sora, the API's
 * platform), about the product that site serves. Not in the manifest: the worker registers it
 * for a site (and injects it into that site's open tabs) only while that product is in
 * trouble and the user lets it show (utils/banner/registration.ts). Once on a page it follows
 * the snapshot, the settings (as the worker copies them, bannerPrefs) and the snoozes: it updates as the outage changes, and on
 * recovery, snooze or being turned off it removes itself and stops listening, so the next
 * outage starts a fresh one.
 *
 * The site's own scripts share the page with it, so the banner is one they cannot read, drive
 * or hear from: its shadow root is closed (the host's `shadowRoot` is null to them, and no
 * reference to anything inside is ever put where the page can reach it), its actions answer
 * the user's own clicks only (see Banner), and it tells the page nothing: WXT's context would
 * announce every start to the page under the extension's id, so the context it gets is a
 * silent one (silent-context.ts, wired in wxt.config.ts), and a copy injected again (after an
 * update of the extension, or after a snooze ran out) retires the older one by its host.
 */
/** The banner's host element: the one thing of ours the page can see. */
const BANNER_HOST = 'ai-outage-radar-banner';

/**
 * The copy of this script that holds the page's banner. Copies in one page share the
 * extension's isolated world (the page cannot see it), so this global is how they know of
 * each other.
 */
const copies = globalThis as typeof globalThis & { aorBannerCopy?: object };

export default defineContentScript({
  matches: OPENAI_SITE_MATCHES,
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const site = siteForHost(location.hostname);
    if (!site) return;
    // One banner per page. A tab that was loading when the worker registered this script gets
    // it twice (registered, and injected into the tabs already open): the later copy leaves
    // the page to the one already there, its banner and what it says intact. Removing that
    // one's host would not do: keepInPage puts it back, and two banners would sit one on top
    // of the other, each with its own watchers and its own line about the prompt.
    if (copies.aorBannerCopy) return;
    const self = {};
    copies.aorBannerCopy = self;
    const release = () => {
      if (copies.aorBannerCopy === self) delete copies.aorBannerCopy;
    };
    // An older copy of the banner makes way.
    document.querySelectorAll(BANNER_HOST).forEach((older) => older.remove());
    const ui = await createShadowRootUi<HTMLElement>(ctx, {
      name: BANNER_HOST,
      mode: 'closed',
      // Keys typed in the banner (Tab, Enter on its buttons) stay there: the site's shortcuts
      // do not fire, and the page does not learn what the user does in it.
      isolateEvents: true,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => container,
      onRemove: (container) => container && render(null, container),
    }).catch((error: unknown) => {
      release();
      throw error;
    });
    const stopWatching: (() => void)[] = [];
    // Once retired, this instance never shows again: an update still reading storage when the
    // user snoozed must not bring the banner back (the next outage injects a fresh one).
    let retired = false;
    const retire = () => {
      retired = true;
      release();
      ui.remove();
      stopWatching.splice(0).forEach((stop) => stop());
    };

    const update = async () => {
      const [snapshot, snoozes, prefs] = await Promise.all([
        healthSnapshot.getValue(),
        // The worker folds a dismissal from before snoozes in on its first check after the
        // update (migrateBannerDismissal), before it registers this script.
        bannerSnoozes.getValue().then((stored) => normalizeSnoozes(stored)),
        bannerPrefs.getValue(),
      ]);
      if (retired) return;
      // The worker registers the banner only where the settings allow it, and copies them
      // here (bannerPrefs): turned off since, the banner leaves.
      const allowed = Array.isArray(prefs?.sites) && prefs.sites.includes(site.id);
      const service = allowed ? bannerService(snapshot, site, snoozes, Date.now()) : null;
      if (!service) return retire();
      // Read back from storage: only strings count (they are matched against catalog ids).
      const preferred = Array.isArray(prefs.preferredAlternatives)
        ? prefs.preferredAlternatives.filter((id): id is string => typeof id === 'string')
        : [];
      if (!ui.mounted) {
        ui.mount();
        // The site's app may rebuild its page (a new route, a re-render of <body>): the
        // banner goes back where it was.
        stopWatching.push(keepInPage(ui.shadowHost));
      }
      const snooze = (length: 'hour' | 'outage') => {
        retire();
        if (service.openedAt !== null)
          void sendMessage('snoozeBanner', {
            site: site.id,
            openedAt: service.openedAt,
            for: length,
          });
      };
      render(
        <Banner
          site={site}
          service={service}
          alternatives={offerAlternatives(snapshot?.services ?? [], site.kind, preferred)}
          onSnooze={snooze}
        />,
        ui.mounted!,
      );
    };

    // The banner must never break the page: a failure leaves the site as it was.
    const safeUpdate = () =>
      void update().catch((error) => console.warn('AI Outage Radar banner', error));
    stopWatching.push(
      healthSnapshot.watch(safeUpdate),
      bannerSnoozes.watch(safeUpdate),
      bannerPrefs.watch(safeUpdate),
    );
    ctx.onInvalidated(retire);
    safeUpdate();
  },
});
