import { browser } from 'wxt/browser';
import { fieldEvents } from './store';
import {
  classifyRequest,
  FIELD_REQUEST_TYPES,
  FIELD_URL_PATTERNS,
  type FieldEvent,
} from './classify';
import { fieldSignalChanged, fieldSignals, pruneEvents, type FieldSignal } from './window';

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

/** What recording one event did to its product's field signal. */
export interface FieldRecord {
  /** The product's signal just before this event, and just after. */
  before: FieldSignal;
  after: FieldSignal;
  /** Whether the snapshot would say something new about it (see fieldSignalChanged). */
  changed: boolean;
}

interface PendingEvent {
  event: FieldEvent;
  now: () => number;
  resolve: (record: FieldRecord) => void;
  reject: (error: unknown) => void;
}

/**
 * The tail of the writes in progress, and the events waiting for the next one. Requests come
 * in bursts, and two read-modify-write appends that overlap would drop one event: chaining
 * orders them, and the events that arrive while a write is under way go together in the next
 * one (a group commit: what it stores is what appending them one by one would store, with one
 * write instead of many). Memory is fine here: it only orders writes, and a worker that dies
 * takes its pending writes' callers with it.
 */
let pendingWrites: Promise<void> = Promise.resolve();
let waiting: PendingEvent[] | null = null;

/**
 * Appends `event` to the stored field events, keeping only the window and the cap, and says
 * what it changed in its product's signal. Resolves when this event is written; rejects if
 * storage fails (later appends still run).
 *
 * Every event is written, even an ok request that changes no signal now: the signal is not a
 * function of fewer events. The share rule counts every request in the window, each event
 * leaves the window at its own time (the newest ok keeps a product `working` longest), and
 * the cap is shared by all products. Skipping one would change what a later signal says.
 */
export function recordFieldEvent(
  event: FieldEvent,
  now: () => number = Date.now,
): Promise<FieldRecord> {
  return new Promise((resolve, reject) => {
    const pending = { event, now, resolve, reject };
    if (waiting) {
      waiting.push(pending);
      return;
    }
    const batch = [pending];
    waiting = batch;
    pendingWrites = pendingWrites.then(() => {
      waiting = null; // events from here on wait for the next write
      return writeBatch(batch);
    });
  });
}

/** Appends a batch of events in one write, each with what it changed. Never rejects. */
async function writeBatch(batch: readonly PendingEvent[]): Promise<void> {
  try {
    const at = Math.max(...batch.map((pending) => pending.now()));
    let events = pruneEvents(await fieldEvents.getValue(), at);
    const records = batch.map(({ event }): FieldRecord => {
      const before = fieldSignals(events, at)[event.productId];
      events = pruneEvents([...events, event], at);
      const after = fieldSignals(events, at)[event.productId];
      return { before, after, changed: fieldSignalChanged(before, after) };
    });
    await fieldEvents.setValue(events);
    batch.forEach((pending, index) => pending.resolve(records[index]!));
  } catch (error) {
    for (const pending of batch) pending.reject(error);
  }
}

function logFailure(error: unknown): void {
  console.warn('[field] could not record a request', error);
}
