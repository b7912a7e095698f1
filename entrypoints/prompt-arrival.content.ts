import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '@/utils/messaging';

/**
 * Tells the worker that a page of an alternative has loaded in this tab, so it can type the
 * prompt waiting for the tab (utils/handoff/). Not in the manifest, and no `matches` of its
 * own: the worker registers it for the alternatives' sites only while a prompt waits for one
 * of them (utils/handoff/arrival.ts), for the session only. It reads nothing and says only
 * that it ran: the worker checks the tab's site itself. Listening to every tab's loads instead
 * would wake the worker for each page the user opens anywhere.
 */
export default defineContentScript({
  registration: 'runtime',
  main() {
    void sendMessage('promptPageLoaded', undefined).catch(() => undefined);
  },
});
