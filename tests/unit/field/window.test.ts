import { describe, expect, it } from 'vitest';
import type { FieldEvent, FieldProductId } from '@/utils/field/classify';
import {
  FIELD_EVENTS_CAP,
  FIELD_SENDS_WINDOW_MS,
  FIELD_WINDOW_MS,
  fieldSignalChanged,
  fieldSignals,
  pruneEvents,
  type FieldSignal,
} from '@/utils/field/window';

const NOW = Date.parse('2025-06-10T14:00:00.000Z');
const SECOND = 1_000;

/** 'o' a request that worked, 'x' one that failed; ten seconds apart, the last one at NOW. */
function events(pattern: string, productId: FieldProductId = 'chatgpt'): FieldEvent[] {
  const steps = [...pattern];
  return steps.map((step, i) => ({
    at: NOW - (steps.length - 1 - i) * 10 * SECOND,
    productId,
    pathClass: 'conversation',
    ...(step === 'x' ? { outcome: 'failed', status: 503 } : { outcome: 'ok', status: 200 }),
  }));
}

describe('fieldSignals', () => {
  it.each<[string, string, Partial<FieldSignal>]>([
    ['not used', '', { state: 'quiet', total: 0, lastEventAt: null, firstFailureAt: null }],
    ['working', 'ooo', { state: 'working', failures: 0, total: 3, lastEventAt: NOW }],
    ['one blip', 'ooox', { state: 'working', consecutiveFailures: 1, failures: 1 }],
    ['one failure alone says nothing', 'x', { state: 'quiet', consecutiveFailures: 1 }],
    [
      'two in a row',
      'oooxx',
      { state: 'failing', consecutiveFailures: 2, firstFailureAt: NOW - 10 * SECOND },
    ],
    ['recovered', 'oooxxo', { state: 'working', consecutiveFailures: 0, firstFailureAt: null }],
    [
      'half failing, on and off',
      'xoxoxo',
      { state: 'failing', failures: 3, total: 6, firstFailureAt: NOW - 50 * SECOND },
    ],
    ['a third failing', 'xooxoox', { state: 'working', failures: 3, total: 7 }],
  ])('%s (%s)', (_name, pattern, expected) => {
    expect(fieldSignals(events(pattern), NOW).chatgpt).toMatchObject(expected);
  });

  it('gives every product a signal, each from its own requests', () => {
    const signals = fieldSignals([...events('oxx', 'sora'), ...events('oo', 'openai-api')], NOW);
    expect(signals.sora.state).toBe('failing');
    expect(signals['openai-api'].state).toBe('working');
    expect(signals.chatgpt.state).toBe('quiet');
    expect(signals['openai-login'].state).toBe('quiet');
  });

  it('lets failures slide out of the window', () => {
    const outage = events('oooxxx');
    expect(fieldSignals(outage, NOW).chatgpt.state).toBe('failing');
    // The older working requests leave first: only the failures remain...
    const partly = fieldSignals(outage, NOW + FIELD_WINDOW_MS - 25 * SECOND).chatgpt;
    expect(partly).toMatchObject({ state: 'failing', failures: 3, total: 3 });
    // ...then the failures, down to one (which says nothing), then none.
    expect(fieldSignals(outage, NOW + FIELD_WINDOW_MS - 15 * SECOND).chatgpt.total).toBe(2);
    expect(fieldSignals(outage, NOW + FIELD_WINDOW_MS - 1).chatgpt).toMatchObject({
      state: 'quiet',
      total: 1,
    });
    expect(fieldSignals(outage, NOW + FIELD_WINDOW_MS).chatgpt.total).toBe(0);
  });

  it('orders events by time, whatever order they were stored in', () => {
    const shuffled = events('oxx').reverse();
    expect(fieldSignals(shuffled, NOW).chatgpt).toMatchObject({
      state: 'failing',
      consecutiveFailures: 2,
      firstFailureAt: NOW - 10 * SECOND,
    });
  });
});

/** One message as the 2026 app sends it: three steps, then the send (../shared/chatgpt-wire.md §0). */
function message(at: number, sendFails: boolean): FieldEvent[] {
  const step = (offset: number): FieldEvent => ({
    at: at + offset,
    productId: 'chatgpt',
    pathClass: 'step',
    outcome: 'ok',
    status: 200,
  });
  return [
    step(0),
    step(100),
    step(200),
    {
      at: at + 300,
      productId: 'chatgpt',
      pathClass: 'send',
      ...(sendFails ? { outcome: 'failed', status: 503 } : { outcome: 'ok', status: 200 }),
    },
  ];
}
const MINUTE = 60 * SECOND;
/** Messages three minutes apart, the last at NOW: 'o' answered, 'x' failed. */
const messages = (pattern: string) =>
  [...pattern].flatMap((step, i) =>
    message(NOW - (pattern.length - 1 - i) * 3 * MINUTE - 300, step === 'x'),
  );

describe('one send is one user action', () => {
  it('sees sends that fail while the calls before them work', () => {
    // Before: the three working steps broke every run, and the failures stayed under half.
    expect(fieldSignals(messages('xx'), NOW).chatgpt).toMatchObject({
      state: 'failing',
      consecutiveFailures: 2,
      failures: 2,
      total: 2,
    });
  });

  it('calls a product struggling when some sends fail (one in three, a partial outage)', () => {
    const signal = fieldSignals(messages('oxooxo'), NOW).chatgpt;
    expect(signal).toMatchObject({ state: 'struggling', sends: 6, failedSends: 2 });
    expect(signal.firstFailureAt).toBe(NOW - 12 * MINUTE);
  });

  it('takes one failed send among many as a blip', () => {
    expect(fieldSignals(messages('oooxooo'), NOW).chatgpt.state).toBe('working');
  });

  it('forgets failed sends after FIELD_SENDS_WINDOW_MS', () => {
    const later = NOW + FIELD_SENDS_WINDOW_MS;
    expect(fieldSignals(messages('xoxo'), later).chatgpt.state).toBe('quiet');
  });

  it('counts a step that failed as a send that never went', () => {
    const failedStep: FieldEvent = {
      at: NOW - 5 * MINUTE,
      productId: 'chatgpt',
      pathClass: 'step',
      outcome: 'failed',
      status: 500,
    };
    const signal = fieldSignals([failedStep, ...messages('oox')], NOW).chatgpt;
    expect(signal).toMatchObject({ state: 'struggling', sends: 4, failedSends: 2 });
  });
});

describe('429s', () => {
  const limited = (pathClass: FieldEvent['pathClass'], at: number): FieldEvent => ({
    at,
    productId: 'chatgpt',
    pathClass,
    outcome: 'limited',
    status: 429,
  });

  it("take an exporter's burst on conversation reads as the user's own limit", () => {
    const burst = Array.from({ length: 30 }, (_, i) =>
      limited(i % 2 ? 'conversation' : 'api', NOW - i * SECOND),
    );
    const signal = fieldSignals([...messages('oo'), ...burst], NOW).chatgpt;
    expect(signal).toMatchObject({ state: 'working', limited: 30 });
  });

  it("take 429s on sends, their steps and the app's calls at once as an overloaded service", () => {
    const flood = (['send', 'step', 'conversation', 'api'] as const).map((kind, i) =>
      limited(kind, NOW - i * 20 * SECOND),
    );
    expect(fieldSignals(flood, NOW).chatgpt).toMatchObject({ state: 'struggling', limited: 4 });
  });

  it('neither break nor extend a run of failures', () => {
    const failed = (at: number): FieldEvent => ({
      at,
      productId: 'chatgpt',
      pathClass: 'send',
      outcome: 'failed',
      status: 502,
    });
    const signal = fieldSignals(
      [failed(NOW - 30 * SECOND), limited('api', NOW - 20 * SECOND), failed(NOW)],
      NOW,
    ).chatgpt;
    expect(signal).toMatchObject({ state: 'failing', consecutiveFailures: 2 });
  });
});

describe('pruneEvents', () => {
  it('keeps the sends of the long window, not the other calls', () => {
    const kept = pruneEvents(messages('oooooooo'), NOW);
    const old = kept.filter((e) => e.at <= NOW - FIELD_WINDOW_MS);
    expect(old.length).toBeGreaterThan(0);
    expect(old.every((e) => e.pathClass === 'send')).toBe(true);
    expect(kept.every((e) => e.at > NOW - FIELD_SENDS_WINDOW_MS)).toBe(true);
  });

  it('drops events older than the window and keeps the newest up to the cap', () => {
    const old = { ...events('x')[0]!, at: NOW - FIELD_WINDOW_MS };
    const many = events('o'.repeat(FIELD_EVENTS_CAP + 30)).map((e, i) => ({ ...e, at: NOW - i }));
    const kept = pruneEvents([old, ...many], NOW);
    expect(kept).toHaveLength(FIELD_EVENTS_CAP);
    expect(kept.at(-1)?.at).toBe(NOW);
    expect(kept[0]?.at).toBe(NOW - (FIELD_EVENTS_CAP - 1));
  });

  it('drops events far in the future (the clock was set back)', () => {
    const future = { ...events('x')[0]!, at: NOW + 2 * FIELD_WINDOW_MS };
    expect(pruneEvents([future], NOW)).toEqual([]);
  });
});

describe('fieldSignalChanged', () => {
  /** Ten seconds apart from a fixed start, so appending one changes nothing before it. */
  const chatgpt = (pattern: string) => {
    const timed = events(pattern).map((e, i) => ({
      ...e,
      at: NOW - 200 * SECOND + i * 10 * SECOND,
    }));
    return fieldSignals(timed, NOW).chatgpt;
  };

  it.each<[string, string, string, boolean]>([
    ['the first request', '', 'o', true],
    ['one more healthy request', 'ooo', 'oooo', false],
    ['a blip', 'ooo', 'ooox', false],
    ['a second failure in a row', 'ooox', 'oooxx', true],
    ['a third failure: "your last 3" is news', 'oooxx', 'oooxxx', true],
    ['the run ends while the share still fails', 'oxxxx', 'oxxxxo', true],
    ['another ok while the share still fails', 'ooxxxxo', 'ooxxxxoo', false],
    ['recovery', 'xxxxoooo', 'xxxxooooo', true],
    ['a lone failure', '', 'x', false],
  ])('%s', (_name, before, after, changed) => {
    expect(fieldSignalChanged(chatgpt(before), chatgpt(after))).toBe(changed);
  });
});
