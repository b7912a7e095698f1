import { describe, expect, it } from 'vitest';
import type { FieldEvent, FieldProductId } from '@/utils/field/classify';
import {
  FIELD_EVENTS_CAP,
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

describe('pruneEvents', () => {
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
