import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { FieldEvent, FieldRequestDetails } from '@/utils/field/classify';
import {
  checkStalledSends,
  FIELD_URL_PATTERNS,
  observeFieldRequests,
  recordFieldEvent,
  STALL_ALARM,
} from '@/utils/field/background';
import { SEND_STALL_MS } from '@/utils/field/stalls';
import { FIELD_EVENTS_CAP, FIELD_WINDOW_MS } from '@/utils/field/window';
import { fieldEvents } from '@/utils/field/store';

const NOW = Date.parse('2025-06-10T14:00:00.000Z');

type RequestEventName = 'onCompleted' | 'onErrorOccurred' | 'onBeforeRequest' | 'onResponseStarted';
type Listener = (details: FieldRequestDetails) => void;
interface Registration {
  name: RequestEventName;
  listener: Listener;
  filter: { urls: string[]; types?: string[] };
}

/**
 * WXT's fake browser declares `webRequest` but throws "not implemented" on addListener. This
 * stubs addListener/removeListener of the two events with spies (put back before each test by
 * `restoreMocks`) that keep the listeners with their filters; `fire` then delivers a request
 * the way the browser would: only to listeners whose URL patterns and types match it.
 */
function installWebRequest() {
  const registrations: Registration[] = [];
  for (const name of [
    'onCompleted',
    'onErrorOccurred',
    'onBeforeRequest',
    'onResponseStarted',
  ] as const) {
    const event = fakeBrowser.webRequest[name] as unknown as {
      addListener: (listener: Listener, filter: Registration['filter']) => void;
      removeListener: (listener: Listener) => void;
    };
    vi.spyOn(event, 'addListener').mockImplementation((listener, filter) => {
      registrations.push({ name, listener, filter });
    });
    vi.spyOn(event, 'removeListener').mockImplementation((listener) => {
      const index = registrations.findIndex((r) => r.name === name && r.listener === listener);
      if (index >= 0) registrations.splice(index, 1);
    });
  }
  const fire = (name: RequestEventName, details: FieldRequestDetails) => {
    for (const { name: registered, listener, filter } of [...registrations]) {
      const urlMatches = filter.urls.some((p) => new MatchPattern(p).includes(details.url));
      const typeMatches = !filter.types || filter.types.includes(details.type ?? '');
      if (registered === name && urlMatches && typeMatches) listener(details);
    }
  };
  return { registrations, fire };
}

const conversation = (statusCode: number, timeStamp = NOW): FieldRequestDetails => ({
  url: 'https://chatgpt.com/backend-api/f/conversation',
  type: 'xmlhttprequest',
  method: 'POST',
  statusCode,
  timeStamp,
  initiator: 'https://chatgpt.com',
});

const event = (at: number, outcome: FieldEvent['outcome'] = 'failed'): FieldEvent => ({
  at,
  productId: 'chatgpt',
  pathClass: 'conversation',
  outcome,
});

describe('observeFieldRequests', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('registers its listeners at once, filtered to the OpenAI hosts and the counted types', () => {
    const { registrations } = installWebRequest();
    observeFieldRequests(() => undefined);
    // No await above: a request that wakes the worker finds its listeners already there.
    expect(registrations.map((r) => r.name)).toEqual([
      'onCompleted',
      'onErrorOccurred',
      'onBeforeRequest',
      'onResponseStarted',
    ]);
    for (const { filter } of registrations.slice(0, 2)) {
      expect(filter).toEqual({ urls: FIELD_URL_PATTERNS, types: ['main_frame', 'xmlhttprequest'] });
    }
    // A request's start wakes the worker only for a send: one event per message.
    for (const { filter } of registrations.slice(2)) {
      expect(filter.types).toEqual(['xmlhttprequest']);
      expect(filter.urls.every((url) => url.endsWith('/f/conversation*'))).toBe(true);
    }
  });

  it('hands on the requests that say something, and nothing else', () => {
    const { fire } = installWebRequest();
    const seen: FieldEvent[] = [];
    observeFieldRequests((e) => void seen.push(e));
    fire('onCompleted', conversation(503));
    fire('onCompleted', conversation(200));
    fire('onErrorOccurred', {
      ...conversation(0),
      statusCode: undefined,
      error: 'net::ERR_FAILED',
    });
    fire('onErrorOccurred', {
      ...conversation(0),
      statusCode: undefined,
      error: 'net::ERR_ABORTED',
    });
    fire('onErrorOccurred', {
      url: 'https://chatgpt.com/favicon.ico',
      type: 'image',
      error: 'net::ERR_FAILED',
      timeStamp: NOW,
    });
    fire('onCompleted', {
      ...conversation(503),
      url: 'https://example.com/backend-api/conversation',
    });
    fire('onCompleted', { ...conversation(503), initiator: 'chrome-extension://ourselves' });
    fire('onCompleted', { ...conversation(503), initiator: 'https://www.google.com' });
    fire('onCompleted', { ...conversation(503), initiator: undefined });
    expect(seen.map((e) => [e.outcome, e.status ?? e.error])).toEqual([
      ['failed', 503],
      ['ok', 200],
      ['failed', 'net::ERR_FAILED'],
    ]);
  });

  it('stops when asked', () => {
    const { fire, registrations } = installWebRequest();
    const onEvent = vi.fn();
    const stop = observeFieldRequests(onEvent);
    stop();
    fire('onCompleted', conversation(503));
    expect(onEvent).not.toHaveBeenCalled();
    expect(registrations).toEqual([]);
  });

  it('survives a failing callback', async () => {
    const { fire } = installWebRequest();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    observeFieldRequests(() => Promise.reject(new Error('quota')));
    expect(() => fire('onCompleted', conversation(503))).not.toThrow();
    await vi.waitFor(() => expect(warn).toHaveBeenCalled());
  });

  it('keeps the caller going when the browser rejects the listeners', () => {
    // WXT's fake browser throws "not implemented" from addListener, like a browser that
    // rejects the filter: the background's main must still run what comes after.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = observeFieldRequests(() => undefined);
    expect(warn).toHaveBeenCalledWith('[field] cannot watch requests', expect.any(Error));
    expect(() => stop()).not.toThrow();
  });

  it('does nothing without the webRequest permission', () => {
    const webRequest = fakeBrowser.webRequest;
    Reflect.set(fakeBrowser, 'webRequest', undefined);
    try {
      const stop = observeFieldRequests(() => undefined);
      expect(() => stop()).not.toThrow();
    } finally {
      Reflect.set(fakeBrowser, 'webRequest', webRequest);
    }
  });
});

describe('a send that hangs, or breaks', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  const send = (id: string, stage: Partial<FieldRequestDetails>): FieldRequestDetails => ({
    ...conversation(200),
    statusCode: undefined,
    requestId: id,
    ...stage,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('counts a send with no answer after SEND_STALL_MS as failed, once', async () => {
    const { fire } = installWebRequest();
    const seen: FieldEvent[] = [];
    observeFieldRequests((e) => void seen.push(e));
    fire('onBeforeRequest', send('1', { timeStamp: NOW }));
    await settle();
    const alarm = await fakeBrowser.alarms.get(STALL_ALARM);
    expect(alarm?.scheduledTime).toBe(NOW + SEND_STALL_MS);
    await checkStalledSends(
      (e) => void seen.push(e),
      () => NOW + SEND_STALL_MS - 1,
    );
    expect(seen).toEqual([]);
    await checkStalledSends(
      (e) => void seen.push(e),
      () => NOW + SEND_STALL_MS,
    );
    expect(seen).toEqual([
      {
        at: NOW + SEND_STALL_MS,
        productId: 'chatgpt',
        pathClass: 'send',
        outcome: 'failed',
        error: 'stalled',
      },
    ]);
    expect(await fakeBrowser.alarms.get(STALL_ALARM)).toBeUndefined();
    // It answers at last: already counted, so not again, and not as a success either.
    fire('onResponseStarted', send('1', { statusCode: 200, timeStamp: NOW + 40_000 }));
    fire('onCompleted', send('1', { statusCode: 200, timeStamp: NOW + 70_000 }));
    await settle();
    expect(seen).toHaveLength(1);
  });

  it('counts an answer that came too late while the worker slept', async () => {
    const { fire } = installWebRequest();
    const seen: FieldEvent[] = [];
    observeFieldRequests((e) => void seen.push(e));
    fire('onBeforeRequest', send('2', { timeStamp: NOW }));
    fire('onResponseStarted', send('2', { statusCode: 200, timeStamp: NOW + 45_000 }));
    fire('onCompleted', send('2', { statusCode: 200, timeStamp: NOW + 90_000 }));
    await settle();
    expect(seen.map((e) => [e.outcome, e.error, e.at])).toEqual([
      ['failed', 'stalled', NOW + SEND_STALL_MS],
    ]);
  });

  it('takes a long answer that began at once as an answer', async () => {
    const { fire } = installWebRequest();
    const seen: FieldEvent[] = [];
    observeFieldRequests((e) => void seen.push(e));
    fire('onBeforeRequest', send('3', { timeStamp: NOW }));
    fire('onResponseStarted', send('3', { statusCode: 200, timeStamp: NOW + 800 }));
    await settle();
    await checkStalledSends(
      (e) => void seen.push(e),
      () => NOW + 120_000,
    );
    fire('onCompleted', send('3', { statusCode: 200, timeStamp: NOW + 180_000 }));
    await settle();
    expect(seen.map((e) => [e.pathClass, e.outcome])).toEqual([['send', 'ok']]);
  });

  it('clears the stall alarm when the last send waiting ends', async () => {
    const { fire } = installWebRequest();
    observeFieldRequests(() => undefined);
    fire('onBeforeRequest', send('8', { timeStamp: NOW }));
    await settle();
    expect(await fakeBrowser.alarms.get(STALL_ALARM)).toBeDefined();
    fire('onResponseStarted', send('8', { statusCode: 200, timeStamp: NOW + 700 }));
    fire('onCompleted', send('8', { statusCode: 200, timeStamp: NOW + 9_000 }));
    await settle();
    // Nothing waits: no alarm is left to wake the worker for nothing.
    expect(await fakeBrowser.alarms.get(STALL_ALARM)).toBeUndefined();
  });

  it('counts a stream that breaks after its answer began', async () => {
    const { fire } = installWebRequest();
    const seen: FieldEvent[] = [];
    observeFieldRequests((e) => void seen.push(e));
    fire('onBeforeRequest', send('4', { timeStamp: NOW }));
    fire('onResponseStarted', send('4', { statusCode: 200, timeStamp: NOW + 500 }));
    fire(
      'onErrorOccurred',
      send('4', { error: 'net::ERR_HTTP2_PROTOCOL_ERROR', timeStamp: NOW + 9_000 }),
    );
    await settle();
    expect(seen.map((e) => [e.outcome, e.error])).toEqual([
      ['failed', 'net::ERR_HTTP2_PROTOCOL_ERROR'],
    ]);
  });

  it('ends the wait of a send the user stopped (ERR_ABORTED says nothing)', async () => {
    const { fire } = installWebRequest();
    const seen: FieldEvent[] = [];
    observeFieldRequests((e) => void seen.push(e));
    fire('onBeforeRequest', send('7', { timeStamp: NOW }));
    fire('onErrorOccurred', send('7', { error: 'net::ERR_ABORTED', timeStamp: NOW + 2_000 }));
    await settle();
    await checkStalledSends(
      (e) => void seen.push(e),
      () => NOW + 60_000,
    );
    expect(seen).toEqual([]);
  });

  it("does not wait on another site's sends, nor a prepare call", async () => {
    const { fire } = installWebRequest();
    observeFieldRequests(() => undefined);
    fire('onBeforeRequest', send('5', { timeStamp: NOW, initiator: 'https://evil.example' }));
    fire('onBeforeRequest', {
      ...send('6', { timeStamp: NOW }),
      url: 'https://chatgpt.com/backend-api/f/conversation/prepare',
    });
    await settle();
    const seen: FieldEvent[] = [];
    await checkStalledSends(
      (e) => void seen.push(e),
      () => NOW + 60_000,
    );
    expect(seen).toEqual([]);
    expect(await fakeBrowser.alarms.get(STALL_ALARM)).toBeUndefined();
  });
});

describe('recordFieldEvent', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('keeps every event of a burst, in order', async () => {
    const burst = Array.from({ length: 40 }, (_, i) => event(NOW + i));
    await Promise.all(burst.map((e) => recordFieldEvent(e, () => NOW + 100)));
    expect(await fieldEvents.getValue()).toEqual(burst);
  });

  it('lives in storage.session: it outlives the worker, not the browser', async () => {
    await recordFieldEvent(event(NOW), () => NOW);
    expect(await fakeBrowser.storage.session.get('fieldEvents')).toEqual({
      fieldEvents: [event(NOW)],
    });
    expect(await fakeBrowser.storage.local.get('fieldEvents')).toEqual({});
  });

  it('forgets events older than the window', async () => {
    await recordFieldEvent(event(NOW - FIELD_WINDOW_MS - 1), () => NOW - FIELD_WINDOW_MS);
    await recordFieldEvent(event(NOW - 60_000, 'ok'), () => NOW);
    await recordFieldEvent(event(NOW), () => NOW);
    expect(await fieldEvents.getValue()).toEqual([event(NOW - 60_000, 'ok'), event(NOW)]);
  });

  it('keeps at most the newest FIELD_EVENTS_CAP events', async () => {
    const many = Array.from({ length: FIELD_EVENTS_CAP + 25 }, (_, i) => event(NOW + i));
    await Promise.all(many.map((e) => recordFieldEvent(e, () => NOW + 1_000)));
    const kept = await fieldEvents.getValue();
    expect(kept).toHaveLength(FIELD_EVENTS_CAP);
    expect(kept).toEqual(many.slice(-FIELD_EVENTS_CAP));
  });

  it('goes on after a failed write', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    await expect(recordFieldEvent(event(NOW), () => NOW)).rejects.toThrow('quota');
    await recordFieldEvent(event(NOW + 1), () => NOW + 1);
    expect(await fieldEvents.getValue()).toEqual([event(NOW + 1)]);
  });

  it('records what the observer sees, end to end', async () => {
    const { fire } = installWebRequest();
    const writes: Promise<unknown>[] = [];
    observeFieldRequests((e) => void writes.push(recordFieldEvent(e, () => NOW + 1)));
    fire('onCompleted', conversation(502, NOW - 0.3));
    fire('onCompleted', conversation(503, NOW));
    await Promise.all(writes);
    expect((await fieldEvents.getValue()).map((e) => [e.at, e.status])).toEqual([
      [NOW, 502],
      [NOW, 503],
    ]);
  });

  it("says what each event changed in its product's signal", async () => {
    const records = [];
    for (const [i, outcome] of (
      ['ok', 'ok', 'failed', 'failed', 'failed', 'failed', 'ok', 'ok'] as const
    ).entries()) {
      records.push(await recordFieldEvent(event(NOW + i, outcome), () => NOW + 10));
    }
    expect(records.map((r) => [r.after.state, r.changed])).toEqual([
      ['working', true], // quiet → working
      ['working', false], // one more ok: nothing new
      ['working', false], // one failure after working ones is a blip
      ['failing', true], // two in a row: failing
      ['failing', true], // "your last 3 requests failed": the count shown changes
      ['failing', true], // and 4
      ['failing', true], // the run ends, though the share of failures still says failing
      ['failing', false], // another ok changes nothing the snapshot says
    ]);
    expect(records[3]?.before.state).toBe('working');
  });

  it('writes a burst of 200 healthy requests in a few writes, and says it changed once', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const burst = Array.from({ length: 200 }, (_, i) => event(NOW + i, 'ok'));
    const records = await Promise.all(burst.map((e) => recordFieldEvent(e, () => NOW + 500)));
    expect(await fieldEvents.getValue()).toEqual(burst);
    expect(records.filter((r) => r.changed)).toHaveLength(1);
    expect(set.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('tells every event of a batch its own change, in order', async () => {
    const burst = [event(NOW, 'ok'), event(NOW + 1), event(NOW + 2), event(NOW + 3)];
    const records = await Promise.all(burst.map((e) => recordFieldEvent(e, () => NOW + 10)));
    expect(records.map((r) => [r.after.consecutiveFailures, r.changed])).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, true],
    ]);
  });
});
