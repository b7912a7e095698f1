import { IDBFactory } from 'fake-indexeddb';
import { entries, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshBrowser } from '../../helpers/fresh-browser';
import { watchOnly } from '../../helpers/watch';
import { OPENAI } from '@/utils/catalog/openai';
import { createRadar } from '@/utils/check/run-check';
import {
  detectionStore,
  DETECTIONS_KEEP_MS,
  historyStore,
  pruneDetections,
  type DetectionRecord,
} from '@/utils/history/store';
import { parseBetterStackIndex } from '@/utils/sources/betterstack';
import { parseFeed } from '@/utils/sources/feed';
import { parseIncidentIoProxy } from '@/utils/sources/incident-io';
import { readFirstAnswering, readSource } from '@/utils/sources';
import { healthSnapshot } from '@/utils/health/store';
import { sourceReads } from '@/utils/sources/store';
import { fixture, fixtureFetch } from '../../helpers/fixtures';

/*
 * Faults the radar meets in the wild, each from a real capture made hostile: a body no parser
 * expects, a page's clock or ours gone wrong, a reader that throws anyway.
 */

describe('bodies no parser expects', () => {
  it('reads an incident with 200,000 updates without overflowing the stack', () => {
    // The captured OpenAI feed, its incident given 200,000 updates (each trimmed to its time):
    // `Math.max(...times)` threw RangeError here.
    const capture = JSON.parse(fixture('openai/outage/proxy.json'));
    const [incident] = capture.summary.ongoing_incidents;
    incident.updates = Array.from({ length: 200_000 }, (_, i) => ({
      published_at: new Date(Date.parse('2026-09-29T17:52:52Z') + i).toISOString(),
    }));
    const parsed = parseIncidentIoProxy(JSON.stringify(capture), 'https://status.openai.com');
    expect(parsed.ok && parsed.value.incidents[0]?.updatedAt).toBe(
      Date.parse('2026-09-29T17:52:52Z') + 199_999,
    );
  });

  it('reads a Better Stack report with 200,000 updates without overflowing the stack', () => {
    const capture = JSON.parse(fixture('betterstack/huggingface/one-down/index.json'));
    const report = capture.included.find((r: { type: string }) => r.type === 'status_report');
    const update = capture.included.find((r: { type: string }) => r.type === 'status_update');
    const ids = Array.from({ length: 200_000 }, (_, i) => String(i));
    report.relationships = {
      status_updates: { data: ids.map((id) => ({ id, type: 'status_update' })) },
    };
    capture.included = capture.included.concat(
      ids.map((id) => ({ id, type: 'status_update', attributes: update.attributes })),
    );
    const parsed = parseBetterStackIndex(JSON.stringify(capture), 'https://status.huggingface.co');
    expect(parsed.ok).toBe(true);
  });

  it('turns a reader that throws anyway into a typed error, recorded like any failure', async () => {
    // A base URL the reader cannot parse makes it throw before any fetch: the chain must
    // still answer with a typed error (and go on to the next source).
    const broken = { format: 'incident-io', baseUrl: 'not a url' } as const;
    expect(await readSource(broken)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'bad_shape' }),
    });
    const chain = await readFirstAnswering([broken, OPENAI.sources[1]!], {
      fetch: fixtureFetch(() => 'healthy'),
    });
    expect(chain.ok).toBe(true);
  });

  it("tries a page's other format when it answered badly, not when its host was unreachable", async () => {
    const healthy = fixtureFetch(() => 'healthy');
    const asked: string[] = [];
    const primaryFails =
      (how: () => Promise<Response>): typeof fetch =>
      async (input) => {
        asked.push(String(input));
        return String(input).includes('/proxy/') ? how() : healthy(input);
      };
    // A 500 from the primary: the host answers, so its fallback format is worth a read.
    const answered = await readFirstAnswering(OPENAI.sources, {
      fetch: primaryFails(async () => new Response('oops', { status: 500 })),
    });
    const fallback = 'https://status.openai.com/api/v2/summary.json';
    expect(answered.ok).toBe(true);
    expect(asked).toContain(fallback);
    // No connection to the host: its other format, on the same host, is not tried.
    asked.length = 0;
    const unreachable = await readFirstAnswering(OPENAI.sources, {
      fetch: primaryFails(() => Promise.reject(new TypeError('Failed to fetch'))),
    });
    expect(unreachable).toEqual({ ok: false, error: expect.objectContaining({ code: 'network' }) });
    expect(asked).not.toContain(fallback);
  });

  it.each([429, 503])(
    'does not ask a host that answered %i for another format at once (no retry storm)',
    async (status) => {
      const asked: string[] = [];
      const overloaded: typeof fetch = async (input) => {
        asked.push(String(input));
        return new Response('come back later', { status, headers: { 'retry-after': '120' } });
      };
      const result = await readFirstAnswering(OPENAI.sources, { fetch: overloaded });
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'http', status, retryAfterMs: 120_000 }),
      });
      expect(asked).toEqual(['https://status.openai.com/proxy/status.openai.com']);
    },
  );
});

describe('clocks gone wrong', () => {
  it('never lets a feed item dated in the future hold a product in trouble', () => {
    const feed = fixture('feed/xai/healthy/feed.xml');
    const now = Date.parse('Tue, 07 Jul 2026 16:40:29 GMT');
    // The captured Grok (Web) item, reopened and dated a year ahead.
    const item = feed.match(/<item>(?:(?!<\/item>)[\s\S])*?INC7c527912[\s\S]*?<\/item>/)![0];
    const future = item
      .replace('<h3>Status: RESOLVED</h3>', '<h3>Status: ACTIVE</h3>')
      .replace(/\w{3}, \d{2} \w{3} 2026 (\d{2}:\d{2}:\d{2}) GMT/g, 'Wed, 07 Jul 2027 $1 GMT');
    const parsed = parseFeed(feed.replace(item, future), now);
    expect(parsed.ok && parsed.value.incidents).toEqual([]);
  });

  describe('the schedule', () => {
    let clock = Date.parse('2026-09-29T18:00:00Z');
    let reads = 0;
    const fetchCounting: typeof fetch = (input) => {
      if (String(input).endsWith('/proxy/status.openai.com')) reads += 1;
      return fixtureFetch(() => 'healthy')(input);
    };
    const radar = () => createRadar({ fetch: fetchCounting, now: () => clock });

    beforeEach(async () => {
      freshBrowser();
      await watchOnly(['openai']);
      clock = Date.parse('2026-09-29T18:00:00Z');
      reads = 0;
    });

    it('reads again at once when the clock is set back, instead of freezing until it catches up', async () => {
      await radar().check();
      expect(reads).toBe(1);
      clock -= 24 * 60 * 60_000;
      await radar().check();
      expect(reads).toBe(2);
      const snapshot = await healthSnapshot.getValue();
      expect(snapshot?.services.find((s) => s.id === 'chatgpt')?.state).toBe('operational');
    });

    it('turns a page unread since the clock jumped a day forward into "unknown", then reads it', async () => {
      await radar().check();
      clock += 24 * 60 * 60_000;
      const engine = radar();
      await engine.refresh();
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('unknown');
      await engine.check();
      expect(reads).toBe(2);
      expect((await healthSnapshot.getValue())?.services[0]?.state).toBe('operational');
      expect((await sourceReads.getValue()).openai?.attemptedAt).toBe(clock);
    });
  });
});

describe('history', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps one IndexedDB connection per store for the life of the worker', () => {
    expect(historyStore()).toBe(historyStore());
    expect(detectionStore()).toBe(detectionStore());
    expect(historyStore()).not.toBe(detectionStore());
  });

  it('prunes outage records older than the keep window', async () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    const record = (openedAt: number): DetectionRecord => ({
      serviceId: 'chatgpt',
      openedAt,
      troubleSince: openedAt,
      radarAt: openedAt,
      officialAt: null,
      leadMs: null,
    });
    const old = now - DETECTIONS_KEEP_MS - 1;
    const recent = now - 60_000;
    await set(`chatgpt:${old}`, record(old), detectionStore());
    await set(`chatgpt:${recent}`, record(recent), detectionStore());
    expect(await pruneDetections(now)).toBe(1);
    expect((await entries(detectionStore())).map(([key]) => key)).toEqual([`chatgpt:${recent}`]);
  });
});
