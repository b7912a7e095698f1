import { browser } from 'wxt/browser';
import { fieldEvents, pendingSends } from './store';
import {
  classifyRequest,
  FIELD_REQUEST_TYPES,
  FIELD_URL_PATTERNS,
  userRequest,
  type FieldEvent,
  type FieldRequestDetails,
} from './classify';
import { findStalls, SEND_STALL_MS, settleSend, type PendingSend } from './stalls';
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
  const sendFilter = { urls: SEND_URL_PATTERNS, types: ['xmlhttprequest' as const] };
  const deliver = (event: FieldEvent | null) => {
    if (!event) return;
    try {
      Promise.resolve(onEvent(event)).catch(logFailure);
    } catch (error) {
      logFailure(error);
    }
  };
  const listener = (details: FieldRequestDetails) => {
    const event = classifyRequest(details);
    // A send's end is weighed against what was seen of it: a stall already counted, an answer
    // that came too late. One that says nothing (stopped by the user: ERR_ABORTED) still ends
    // its wait, or it would count as hung.
    const id = details.requestId;
    if (id !== undefined && userRequest(details)?.pathClass === 'send') {
      void updatePending((pending) => {
        if (!event) return { pending: pending.filter((send) => send.id !== id), result: null };
        const settled = settleSend(pending, id, event);
        return { pending: settled.pending, result: settled.event };
      })
        .then((settled) => {
          deliver(settled);
          // The send ended: its stall alarm need not wake the worker for nothing.
          return scheduleStallCheck();
        })
        .catch(logFailure);
      return;
    }
    deliver(event);
  };
  // A send's start and its answer's first byte: how a hung send is seen while it hangs.
  const started = (details: FieldRequestDetails): undefined => {
    const request = userRequest(details);
    if (request?.pathClass !== 'send' || details.method !== 'POST' || !details.requestId) return;
    const send = { id: details.requestId, productId: request.productId, at: request.at };
    void updatePending((pending) => ({ pending: [...pending, send], result: null }))
      .then(() => scheduleStallCheck())
      .catch(logFailure);
  };
  const answered = (details: FieldRequestDetails) => {
    const id = details.requestId;
    if (id === undefined || userRequest(details)?.pathClass !== 'send') return;
    const at = Math.round(details.timeStamp);
    void updatePending((pending) => ({
      pending: pending.map((send) => (send.id === id ? { ...send, answeredAt: at } : send)),
      result: null,
    })).catch(logFailure);
  };
  const listening: [{ removeListener: (listener: never) => void }, unknown][] = [];
  const listen = <T>(
    event: {
      addListener: (listener: T, filter: never) => void;
      removeListener: (l: never) => void;
    },
    handler: T,
    eventFilter: object,
  ) => {
    try {
      event.addListener(handler, eventFilter as never);
      listening.push([event, handler]);
    } catch (error) {
      // A filter the browser rejects throws here, synchronously: lose the field signal, not
      // the rest of the background's main, which registers its other listeners after this call.
      console.warn('[field] cannot watch requests', error);
    }
  };
  listen(webRequest.onCompleted, listener, filter);
  listen(webRequest.onErrorOccurred, listener, filter);
  listen(webRequest.onBeforeRequest, started, sendFilter);
  listen(webRequest.onResponseStarted, answered, sendFilter);
  return () => {
    for (const [event, handler] of listening) {
      try {
        event.removeListener(handler as never);
      } catch (error) {
        console.warn('[field] cannot stop watching requests', error);
      }
    }
  };
}

/**
 * The send's own URLs (../shared/chatgpt-wire.md §1a), signed in or not, with room for the
 * paths after them (`/prepare`, `/resume`), which the listeners tell apart. Only these wake
 * the worker when a request starts: one event per message, not one per request.
 */
const SEND_URL_PATTERNS = ['chatgpt.com', 'chat.openai.com'].flatMap((host) =>
  ['backend-api', 'backend-anon'].map((base) => `https://${host}/${base}/f/conversation*`),
);

/** The alarm that looks for hung sends when the first pending one would count as one. */
export const STALL_ALARM = 'field-stall';

/**
 * The sends that have hung SEND_STALL_MS, each handed to `onEvent` as a failed send once; at
 * the stall alarm and each check (a worker that slept through the alarm still sees them).
 */
export async function checkStalledSends(
  onEvent: (event: FieldEvent) => void | Promise<void>,
  now: () => number = Date.now,
): Promise<void> {
  // Nothing waits most of the time: then this costs one read, no write, each check.
  if ((await pendingSends.getValue()).length === 0) return;
  const stalls = await updatePending((pending) => {
    const found = findStalls(pending, now());
    return { pending: found.pending, result: found.stalls };
  });
  await scheduleStallCheck();
  for (const stall of stalls) await onEvent(stall);
}

/** Sets the stall alarm for the earliest send still waiting, or clears it. */
async function scheduleStallCheck(): Promise<void> {
  const waiting = (await pendingSends.getValue()).filter(
    (send) => send.answeredAt === undefined && !send.stalled,
  );
  if (waiting.length === 0) {
    await browser.alarms.clear(STALL_ALARM);
    return;
  }
  const first = Math.min(...waiting.map((send) => send.at));
  // The browser may fire it later (Chrome: not before 30 s); the minute's check is the net.
  await browser.alarms.create(STALL_ALARM, { when: first + SEND_STALL_MS });
}

/** The pending sends' read-modify-writes, one at a time (a start and its end come close). */
let pendingUpdates: Promise<unknown> = Promise.resolve();

function updatePending<T>(
  change: (pending: PendingSend[]) => { pending: PendingSend[]; result: T },
): Promise<T> {
  const run = pendingUpdates.then(async () => {
    const { pending, result } = change(await pendingSends.getValue());
    await pendingSends.setValue(pending);
    return result;
  });
  pendingUpdates = run.catch(() => undefined);
  return run;
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
