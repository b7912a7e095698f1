import { browser } from 'wxt/browser';
import { fieldEvents } from '../storage';
import {
  classifyRequest,
  FIELD_REQUEST_TYPES,
  FIELD_URL_PATTERNS,
  type FieldEvent,
} from './classify';
import { pruneEvents } from './window';

export { FIELD_URL_PATTERNS } from './classify';

/**
 * Watches the user's own requests to OpenAI hosts and hands each one that says something about
 * the service to `onEvent`. Registers its listeners synchronously: call it from the top of the
 * background's `main()`, so the request that wakes a stopped worker is delivered to it.
 *
 * Needs the `webRequest` permission and host permissions for FIELD_URL_PATTERNS; without the
 * permission `browser.webRequest` is undefined and this does nothing. Returns a function that
 * removes the listeners.
 */
export function observeFieldRequests(
  onEvent: (event: FieldEvent) => void | Promise<void>,
): () => void {
  const webRequest = browser.webRequest as typeof browser.webRequest | undefined;
  if (!webRequest) return () => undefined;
  const filter = { urls: FIELD_URL_PATTERNS, types: [...FIELD_REQUEST_TYPES] };
  const listener = (details: Parameters<typeof classifyRequest>[0]) => {
    const event = classifyRequest(details);
    if (!event) return;
    try {
      Promise.resolve(onEvent(event)).catch(logFailure);
    } catch (error) {
      logFailure(error);
    }
  };
  try {
    webRequest.onCompleted.addListener(listener, filter);
    webRequest.onErrorOccurred.addListener(listener, filter);
  } catch (error) {
    // A filter the browser rejects throws here, synchronously: lose the field signal, not the
    // rest of the background's main, which registers its other listeners after this call.
    console.warn('[field] cannot watch requests', error);
  }
  return () => {
    try {
      webRequest.onCompleted.removeListener(listener);
      webRequest.onErrorOccurred.removeListener(listener);
    } catch (error) {
      console.warn('[field] cannot stop watching requests', error);
    }
  };
}

/**
 * The tail of the writes in progress. Requests come in bursts, and two read-modify-write
 * appends that overlap would drop one event; chaining orders them. Memory is fine here: it
 * only orders writes, and a worker that dies takes its pending writes' callers with it.
 */
let pendingWrites: Promise<void> = Promise.resolve();

/**
 * Appends `event` to the stored field events, keeping only the window and the cap. Resolves
 * when this event is written; rejects if storage fails (later appends still run).
 */
export function recordFieldEvent(event: FieldEvent, now: () => number = Date.now): Promise<void> {
  const write = pendingWrites.then(async () => {
    const events = await fieldEvents.getValue();
    await fieldEvents.setValue(pruneEvents([...events, event], now()));
  });
  pendingWrites = write.catch(() => undefined);
  return write;
}

function logFailure(error: unknown): void {
  console.warn('[field] could not record a request', error);
}
