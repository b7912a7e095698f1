import { render } from 'preact';
import { bannerService } from '@/utils/banner';
import { sendMessage } from '@/utils/messaging';
import { bannerDismissedFor, healthSnapshot } from '@/utils/storage';
import { Banner } from './Banner';
import '@/components/state-dot.css';
import './style.css';

/**
 * The outage banner. Not in the manifest: the worker injects it into a ChatGPT tab only when
 * ChatGPT is in trouble. Once in, it follows the snapshot itself: it updates while the outage
 * changes, leaves on recovery or dismissal, and comes back if trouble returns.
 */
export default defineContentScript({
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  registration: 'runtime',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const ui = await createShadowRootUi<HTMLElement>(ctx, {
      name: 'ai-outage-radar-banner',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount: (container) => container,
      onRemove: (container) => container && render(null, container),
    });

    const update = async () => {
      const [snapshot, dismissedFor] = await Promise.all([
        healthSnapshot.getValue(),
        bannerDismissedFor.getValue(),
      ]);
      const service = bannerService(snapshot, dismissedFor);
      if (!service) {
        ui.remove();
        return;
      }
      if (!ui.mounted) ui.mount();
      const dismiss = () => {
        ui.remove();
        if (service.troubleSince !== null) void sendMessage('dismissBanner', service.troubleSince);
      };
      render(<Banner service={service} onDismiss={dismiss} />, ui.mounted!);
    };

    // The banner must never break the page: any failure leaves ChatGPT as it was.
    const safeUpdate = () =>
      update().catch((error) => console.warn('AI Outage Radar banner', error));
    await safeUpdate();
    ctx.onInvalidated(healthSnapshot.watch(safeUpdate));
    ctx.onInvalidated(bannerDismissedFor.watch(safeUpdate));
    ctx.onInvalidated(() => ui.remove());
  },
});
