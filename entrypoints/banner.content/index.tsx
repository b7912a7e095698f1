import { render } from 'preact';
import { bannerService, rankAlternatives } from '@/utils/banner';
import { CHATGPT_MATCHES } from '@/utils/chatgpt-pages';
import { sendMessage } from '@/utils/messaging';
import { bannerDismissedFor, healthSnapshot } from '@/utils/storage';
import { Banner } from './Banner';
import '@/components/state-dot.css';
import './style.css';

/**
 * The outage banner. Not in the manifest: the worker registers it (and injects it into open
 * ChatGPT tabs) only while ChatGPT is in trouble. Once on a page it follows the snapshot: it
 * updates as the outage changes, and on recovery or dismissal it removes itself and stops
 * listening, so the next outage starts a fresh one.
 *
 * ChatGPT's own scripts share the page with it, so the banner is one they cannot read, drive
 * or hear from: its shadow root is closed (the host's `shadowRoot` is null to them, and no
 * reference to anything inside is ever put where the page can reach it), its actions answer
 * the user's own clicks only (see Banner), and it tells the page nothing: WXT's context would
 * announce every start to the page under the extension's id, so the context it gets is a
 * silent one (silent-context.ts, wired in wxt.config.ts), and a copy
 * injected again (after an update of the extension) retires the older one by its host.
 */
/** The banner's host element: the one thing of ours the page can see. */
const BANNER_HOST = 'ai-outage-radar-banner';

export default defineContentScript({
  matches: CHATGPT_MATCHES,
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // An older copy of the banner (the extension was updated under it) makes way.
    document.querySelectorAll(BANNER_HOST).forEach((older) => older.remove());
    const ui = await createShadowRootUi<HTMLElement>(ctx, {
      name: BANNER_HOST,
      mode: 'closed',
      // Keys typed in the banner (Tab, Enter on its buttons) stay there: ChatGPT's shortcuts
      // do not fire, and the page does not learn what the user does in it.
      isolateEvents: true,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => container,
      onRemove: (container) => container && render(null, container),
    });
    const stopWatching: (() => void)[] = [];
    // Once retired, this instance never shows again: an update still reading storage when the
    // user dismissed must not bring the banner back (the next outage injects a fresh one).
    let retired = false;
    const retire = () => {
      retired = true;
      ui.remove();
      stopWatching.splice(0).forEach((stop) => stop());
    };

    const update = async () => {
      const [snapshot, dismissedFor] = await Promise.all([
        healthSnapshot.getValue(),
        bannerDismissedFor.getValue(),
      ]);
      if (retired) return;
      const service = bannerService(snapshot, dismissedFor);
      if (!service) return retire();
      if (!ui.mounted) ui.mount();
      const dismiss = () => {
        retire();
        if (service.openedAt !== null) void sendMessage('dismissBanner', service.openedAt);
      };
      render(
        <Banner service={service} alternatives={rankAlternatives(snapshot)} onDismiss={dismiss} />,
        ui.mounted!,
      );
    };

    // The banner must never break the page: a failure leaves ChatGPT as it was.
    const safeUpdate = () =>
      void update().catch((error) => console.warn('AI Outage Radar banner', error));
    stopWatching.push(healthSnapshot.watch(safeUpdate), bannerDismissedFor.watch(safeUpdate));
    ctx.onInvalidated(retire);
    safeUpdate();
  },
});
