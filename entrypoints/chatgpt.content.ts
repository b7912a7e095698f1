import { bannerService } from '@/utils/banner';
import { sendMessage } from '@/utils/messaging';
import { bannerDismissedFor, healthSnapshot } from '@/utils/storage';

/**
 * Runs on every ChatGPT page load, so it stays tiny: it reads the stored snapshot and, only
 * when ChatGPT is in trouble, asks the worker to inject the banner (which then keeps itself
 * up to date). It never reads the page.
 */
export default defineContentScript({
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    let injected = false;
    const showIfNeeded = async () => {
      if (injected || ctx.isInvalid) return;
      const [snapshot, dismissedFor] = await Promise.all([
        healthSnapshot.getValue(),
        bannerDismissedFor.getValue(),
      ]);
      if (!bannerService(snapshot, dismissedFor)) return;
      injected = true;
      await sendMessage('showBanner').catch(() => {
        injected = false;
      });
    };
    void showIfNeeded();
    ctx.onInvalidated(healthSnapshot.watch(() => void showIfNeeded()));
    ctx.onInvalidated(bannerDismissedFor.watch(() => void showIfNeeded()));
  },
});
