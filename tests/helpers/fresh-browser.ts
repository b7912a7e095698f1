import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMessages } from './messages';
import { installScripting } from './scripting';

/**
 * A browser as a worker starts in: WXT's fake browser reset (storage, alarms, listeners), an
 * empty IndexedDB, the English messages, and `scripting` as browsers keep it. Returns the
 * scripting record (registered and injected scripts).
 */
export function freshBrowser() {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  installMessages('en');
  return installScripting();
}
