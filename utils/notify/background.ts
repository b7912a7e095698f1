import { browser } from 'wxt/browser';
import { buttonDestination, forget, statusPageFor } from './buttons';

async function open(notificationId: string, url: string | undefined): Promise<void> {
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
  await forget(notificationId);
}

/**
 * The notifications' click handlers: the body opens the status page, Chrome's buttons the
 * best alternative or the status page. Call synchronously in the background's main, so the
 * click that wakes the worker is delivered.
 */
export function registerNotificationActions(): void {
  browser.notifications.onClicked.addListener((id) => {
    void statusPageFor(id)
      .then((url) => open(id, url))
      .catch((error) => console.error('notifications', error));
  });
  // Firefox has no buttons (and may lack the event): the body click is all there is.
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    void buttonDestination(id, index)
      .then((url) => open(id, url))
      .catch((error) => console.error('notifications', error));
  });
  browser.notifications.onClosed.addListener((id) => {
    void forget(id).catch((error) => console.error('notifications', error));
  });
}
