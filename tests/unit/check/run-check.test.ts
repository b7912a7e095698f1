import { entries } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshBrowser } from '../../helpers/fresh-browser';
import { watchOnly } from '../../helpers/watch';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PROVIDERS } from '@/utils/catalog';
import { OPENAI } from '@/utils/catalog/openai';
import { CADENCE, COALESCE_SHARE, jittered, LONGEST_CALM_MS } from '@/utils/cadence/cadence';
import { createRadar, RECONNECT_RETRY_MS } from '@/utils/check/run-check';
import {
  historyStore,
  pruneHistory,
  HISTORY_KEEP_MS,
  type CheckRecord,
} from '@/utils/history/store';
import { healthSnapshot } from '@/utils/health/store';
import { fieldEvents } from '@/utils/field/store';
import { FIELD_WINDOW_MS } from '@/utils/field/window';
import { probeLog } from '@/utils/probes/store';
import { sourceReads } from '@/utils/sources/store';
import { fixture, fixtureFetch, type OpenAiScenario } from '../../helpers/fixtures';
import { installScripting } from '../../helpers/scripting';

// Just after the real 2026-09-29 incident the outage fixtures carry began (17:52:52 UTC).
const START = Date.parse('2026-09-29T18:00:00.000Z');

describe('a check', () => {
  let scenario: OpenAiScenario | Response = 'healthy';
  let clock = START;
  let scripting: ReturnType<typeof installScripting>;
  // Each step is a full check, as "Check now" makes: scheduling has its own tests below.
  const check = () =>
    createRadar({
      fetch: fixtureFetch(() => scenario),
      now: () => clock,
    }).check(true);

  beforeEach(async () => {
    scripting = freshBrowser();
    await watchOnly(['openai']);
    scenario = 'healthy';
    clock = START;
  });

  async function step(next: OpenAiScenario | Response) {
    scenario = next;
    clock += 60_000;
    return check();
  }

  it('stores one snapshot per check, read back by every UI', async () => {
    const snapshot = await check();
    expect(await healthSnapshot.getValue()).toEqual(snapshot);
    expect(snapshot.services.map((s) => s.state)).toEqual(OPENAI.products.map(() => 'operational'));
  });

  it('paints the badge with the worst state and names the products in trouble', async () => {
    await check();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
    await step('outage');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('DOWN');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([217, 48, 37, 255]);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'AI Outage Radar: ChatGPT: Major outage and OpenAI Login: Partial outage',
    );
    await step('healthy');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
  });

  it('notifies once when trouble starts and once when it ends, however many checks between', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await check();
    await step('outage');
    await step('outage');
    await step(new Response('<html>Bad gateway</html>', { status: 502 }));
    await step('outage');
    expect(create).toHaveBeenCalledTimes(1);
    const [id, options] = create.mock.calls[0] as unknown as [
      string,
      { title: string; message: string; iconUrl: string },
    ];
    expect(id).toMatch(/^outage\|trouble\|\d+\|chatgpt\|openai-login$/);
    expect(options.title).toBe('Problems: ChatGPT and OpenAI Login');
    expect(options.message).toContain(
      'ChatGPT: Major outage — Elevated errors across ChatGPT, Codex, and the API including the Agents API',
    );
    expect(options.iconUrl).toMatch(/icon\/128\.png$/);
    await step('healthy');
    await step('healthy');
    expect(create).toHaveBeenCalledTimes(2);
    expect((create.mock.calls[1]?.[1] as unknown as { title: string }).title).toBe(
      'Back to normal: ChatGPT and OpenAI Login',
    );
  });

  it('puts the banner on ChatGPT pages only while ChatGPT is in trouble', async () => {
    await check();
    expect(scripting.registered.size).toBe(0);
    await step('outage');
    expect(scripting.registered.has('outage-banner')).toBe(true);
    await step('healthy');
    expect(scripting.registered.size).toBe(0);
  });

  it('appends each check to the history and prunes old ones', async () => {
    await check();
    await step('outage');
    await step('healthy');
    const records = (await entries<number, CheckRecord>(historyStore())).map(
      ([, record]) => record,
    );
    expect(records.map((r) => r.states.chatgpt)).toEqual([
      'operational',
      'major_outage',
      'operational',
    ]);
    expect(await pruneHistory(START + HISTORY_KEEP_MS + 60_001)).toBe(2);
    expect(await entries(historyStore())).toHaveLength(1);
  });

  it('keeps working when every answer is an HTML page instead of status data', async () => {
    scenario = new Response('<!doctype html><title>Just a moment...</title>', { status: 200 });
    const snapshot = await check();
    // The page's word is unknown, never "down". The probed products answered (a 200 is an
    // answer) and say so with low confidence; the others are unknown.
    for (const service of snapshot.services) {
      expect(service.officialState).toBe('unknown');
      expect(service.reasons.map((r) => r.key)).toContain('reason_source_not_json');
      const probed = OPENAI.products.find((p) => p.id === service.id)?.probe !== undefined;
      expect([service.id, service.state]).toEqual([service.id, probed ? 'operational' : 'unknown']);
      if (probed) expect(service.confidence).toBe('low');
    }
    // No trouble seen, and the tooltip says which services the radar has no word on.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'AI Outage Radar: no trouble seen; no word on Sora, Codex, and OpenAI Login',
    );
  });

  it('falls back to the native incident.io feed when the compatibility API fails', async () => {
    const outage = fixtureFetch(() => 'outage');
    const compatBroken: typeof fetch = async (input) =>
      String(input).includes('/api/v2/') ? new Response('gone', { status: 404 }) : outage(input);
    const snapshot = await createRadar({
      fetch: compatBroken,
      now: () => clock,
    }).check(true);
    expect(snapshot.services.find((s) => s.id === 'chatgpt')?.state).toBe('major_outage');
  });
});

describe('scheduling', () => {
  let clock = START;
  let statusReads = 0;
  let answer: () => Response = () => new Response('{}', { status: 200 });
  const healthy = fixtureFetch(() => 'healthy');
  const counting: typeof fetch = async (input) => {
    if (String(input).includes('/proxy/status.openai.com')) statusReads += 1;
    return String(input).includes('status.openai.com') ? answer() : healthy(input);
  };
  const radar = () => createRadar({ fetch: counting, now: () => clock, random: () => 1 });

  beforeEach(async () => {
    freshBrowser();
    await watchOnly(['openai']);
    clock = START;
    statusReads = 0;
  });

  it('reads a calm status page every few minutes, not on every alarm', async () => {
    answer = () => new Response(fixture('openai/healthy/proxy.json'));
    const engine = radar();
    await engine.check();
    expect(statusReads).toBe(1);
    // Due after the calm interval as jittered for that read (utils/cadence: ±20 %), and taken
    // by a check awake within a tenth of that interval before.
    const reach = COALESCE_SHARE * CADENCE.calmMs;
    const due = START + jittered(CADENCE.calmMs, START);
    for (let minute = 1; START + minute * 60_000 < due - reach; minute += 1) {
      clock = START + minute * 60_000;
      await engine.check();
    }
    expect(statusReads).toBe(1);
    clock = due - reach;
    await engine.check();
    expect(statusReads).toBe(2);
  });

  it('takes what falls due soon into the same wake, and jitters those read together alike', async () => {
    answer = () => new Response(fixture('openai/healthy/proxy.json'));
    const engine = radar();
    await engine.check();
    const probes = await probeLog.getValue();
    const reads = await sourceReads.getValue();
    // One check, one draw: the page and every probe are stamped with the check's start.
    expect(new Set(Object.values(probes).map((entry) => entry.results.at(-1)!.at))).toEqual(
      new Set([START]),
    );
    expect(reads.openai!.attemptedAt).toBe(START);
    // The probes fall due next. A page read elsewhen falls due `gap` after them: a check for
    // the probes takes it along when that is within a tenth of its interval (2 min), only then.
    const probeDue = START + jittered(CADENCE.probeCalmMs, START);
    const pageDueAfter = async (gap: number) => {
      // The draw is a hash of the read's time: look for a time whose draw lands there.
      const lands = (at: number) => Math.abs(at + jittered(CADENCE.calmMs, at) - probeDue - gap);
      let at = probeDue - CADENCE.calmMs;
      while (lands(at) > 5_000) at += 1_000;
      await sourceReads.setValue({
        openai: { ...reads.openai!, attemptedAt: at, nextDueAt: at + jittered(CADENCE.calmMs, at) },
      });
    };
    clock = probeDue;
    await pageDueAfter(COALESCE_SHARE * CADENCE.calmMs + 30_000);
    await engine.check();
    expect(statusReads).toBe(1);
    await probeLog.setValue(probes);
    await pageDueAfter(COALESCE_SHARE * CADENCE.calmMs - 30_000);
    await engine.check();
    expect(statusReads).toBe(2);
  });

  it("sleeps until the next due read, and wakes when the user's requests leave their window", async () => {
    answer = () => new Response(fixture('openai/healthy/proxy.json'));
    const engine = radar();
    await engine.check();
    // Calm: the page and the probes (20 min ± 20 %) fall due together.
    expect(await engine.nextCheckAt()).toBe(START + jittered(CADENCE.probeCalmMs, START));
    // The user sent a message a minute ago: once it leaves the 5-minute window the field says
    // nothing, and an open ChatGPT tab becomes worth watching; the worker must be up then.
    clock = START + 60_000;
    await fieldEvents.setValue([
      { at: START, productId: 'chatgpt', pathClass: 'send', outcome: 'ok', status: 200 },
    ]);
    expect(await engine.nextCheckAt()).toBe(START + FIELD_WINDOW_MS);
  });

  it("wakes only when something falls due: an hourly page waits for a probe's wake", async () => {
    // Google Cloud: an hourly page (its own pace) and a probe every calm interval.
    await watchOnly(['google-cloud']);
    const hourly = 60 * 60_000;
    const pageReads: number[] = [];
    const probes: number[] = [];
    const engine = createRadar({
      fetch: async (input) => {
        if (!String(input).includes('status.cloud.google.com')) {
          probes.push(clock);
          return new Response('{}');
        }
        pageReads.push(clock);
        return new Response('[]', { headers: { 'content-type': 'application/json' } });
      },
      now: () => clock,
    });
    const wakes: number[] = [];
    while (clock < START + 6 * hourly) {
      await engine.check();
      wakes.push(clock);
      clock = await engine.nextCheckAt();
    }
    // Every wake probed: none came for the page alone, nor before anything was due.
    expect(probes).toEqual(wakes);
    expect(wakes.length).toBeGreaterThan(6 * 2.5);
    // And the page was read about hourly: early by a wake's reach, late by one calm wake at most.
    expect(pageReads.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < pageReads.length; i++) {
      const drawn = jittered(hourly, pageReads[i - 1]!);
      const gap = pageReads[i]! - pageReads[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(drawn - COALESCE_SHARE * hourly);
      expect(gap).toBeLessThanOrEqual(drawn + LONGEST_CALM_MS);
    }
  });

  it('publishes once for a check whose reads all land together', async () => {
    let publishes = 0;
    const unwatch = healthSnapshot.watch(() => (publishes += 1));
    answer = () => new Response(fixture('openai/healthy/proxy.json'));
    await radar().check(true);
    unwatch();
    expect(publishes).toBe(1);
    expect(Object.keys(await probeLog.getValue()).length).toBeGreaterThan(1);
  });

  it("keeps a read's jitter: a page drawn late is not read at the plain interval", async () => {
    answer = () => new Response(fixture('openai/healthy/proxy.json'));
    const engine = radar();
    // A first read at a moment whose draw lengthens the interval by more than the alarm's slack.
    let first = START;
    const reach = COALESCE_SHARE * CADENCE.calmMs;
    while (jittered(CADENCE.calmMs, first) < CADENCE.calmMs + reach + 60_000) first += 1_000;
    clock = first;
    await engine.check();
    expect(statusReads).toBe(1);
    clock = first + CADENCE.calmMs;
    await engine.check();
    expect(statusReads).toBe(1);
    clock = first + jittered(CADENCE.calmMs, first) - reach;
    await engine.check();
    expect(statusReads).toBe(2);
  });

  it('backs off a status page that answers 503, and honours Retry-After on 429', async () => {
    answer = () => new Response('busy', { status: 503 });
    const engine = radar();
    await engine.check();
    await engine.check();
    const first = (await sourceReads.getValue()).openai!;
    expect(first.failures).toBe(1);
    expect(first.nextDueAt - clock).toBe(CADENCE.calmMs);
    clock = first.nextDueAt;
    await engine.check();
    const second = (await sourceReads.getValue()).openai!;
    expect(second.failures).toBe(2);
    expect(second.nextDueAt - clock).toBe(Math.min(2 * CADENCE.calmMs, CADENCE.maxBackoffMs));
    answer = () => new Response('slow down', { status: 429, headers: { 'retry-after': '1200' } });
    clock = second.nextDueAt;
    await engine.check();
    // Never sooner than Retry-After, nor than the backoff (tests/unit/cadence has the rest).
    expect((await sourceReads.getValue()).openai!.nextDueAt - clock).toBe(
      Math.max(1_200_000, Math.min(4 * CADENCE.calmMs, CADENCE.maxBackoffMs)),
    );
    // A day's silence asked for is honoured up to the longest backoff, not a day.
    answer = () => new Response('go away', { status: 429, headers: { 'retry-after': '86400' } });
    clock = (await sourceReads.getValue()).openai!.nextDueAt;
    await engine.check();
    expect((await sourceReads.getValue()).openai!.nextDueAt - clock).toBe(CADENCE.maxBackoffMs);
    expect(statusReads).toBe(4);
  });

  it('publishes what has landed soon after: a slow page never holds the others back for long', async () => {
    const slowCalls: ((response: Response) => void)[] = [];
    // A page the user added, read in parallel with OpenAI's.
    await watchOnly(['openai'], {
      customPages: [
        {
          id: 'slowpoke',
          name: 'Slowpoke',
          pageUrl: 'https://status.slow.example/',
          source: { format: 'statuspage', baseUrl: 'https://status.slow.example' },
          addedAt: 0,
        },
      ],
    });
    const fetchBoth: typeof fetch = (input) =>
      String(input).includes('slow.example')
        ? new Promise((resolve) => slowCalls.push(resolve))
        : healthy(input);
    const done = createRadar({
      fetch: fetchBoth,
      now: () => clock,
    }).check(true);
    await vi.waitFor(
      async () =>
        expect(
          (await healthSnapshot.getValue())?.services.find((s) => s.id === 'chatgpt')?.state,
        ).toBe('operational'),
      { timeout: 5_000 },
    );
    for (const release of slowCalls) {
      release(new Response('{"components":[{"id":"a","name":"A","status":"major_outage"}]}'));
    }
    await done;
    expect(
      (await healthSnapshot.getValue())?.services.find((s) => s.id === 'custom:slowpoke')?.state,
    ).toBe('major_outage');
  });
});

describe('the first check after the connection returns', () => {
  const healthy = fixtureFetch(() => 'healthy');
  // OpenAI and three probe-only providers: enough probes (as in the whole catalog) for a
  // batch of network failures to read as the user's connection, not the services.
  const providers = PROVIDERS.filter((provider) =>
    ['openai', 'microsoft', 'mistral', 'deepseek'].includes(provider.id),
  );
  const probed = providers.flatMap((provider) => provider.products).filter((p) => p.probe);
  const probeUrls = probed.map((product) => product.probe!.url);
  let connection: 'down' | 'probes lag' | 'up' = 'down';
  const waits: number[] = [];
  // No connection at all, then one coming back in stages: the status page gets through
  // while each probe's first attempt still dies at the network level.
  const lagging = new Set<string>();
  const network: typeof fetch = async (input) => {
    const url = String(input);
    if (connection === 'down') throw new TypeError('Failed to fetch');
    if (connection === 'probes lag' && probeUrls.includes(url) && !lagging.has(url)) {
      lagging.add(url);
      throw new TypeError('Failed to fetch');
    }
    return healthy(input);
  };
  const radar = () =>
    createRadar({
      fetch: network,
      now: () => Date.now(),
      wait: async (ms) => void waits.push(ms),
    });

  beforeEach(async () => {
    freshBrowser();
    await watchOnly(providers.map((provider) => provider.id));
    connection = 'down';
    lagging.clear();
    waits.length = 0;
  });

  it('tries again, a moment later, what failed while the rest got through', async () => {
    expect(probeUrls.length).toBeGreaterThanOrEqual(5);
    expect((await radar().check()).offline).not.toBeNull();
    expect((await radar().check()).offline).not.toBeNull();
    const before = await probeLog.getValue();
    connection = 'probes lag';
    // Every snapshot published during the check, not only the last one.
    const published: string[] = [];
    const unwatch = healthSnapshot.watch((next) =>
      published.push(...(next?.services.map((service) => service.state) ?? [])),
    );
    const snapshot = await radar().check();
    unwatch();
    expect(waits).toEqual([RECONNECT_RETRY_MS]);
    expect(lagging.size).toBe(probeUrls.length);
    expect(snapshot.offline).toBeNull();
    // The failed first attempts were never news: no service called down, even for a moment.
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter((state) => !['operational', 'unknown'].includes(state))).toEqual([]);
    const log = await probeLog.getValue();
    for (const product of probed) {
      // Only the retry is recorded.
      expect(log[product.id]?.results.length).toBe(before[product.id]!.results.length + 1);
      expect(log[product.id]?.results.at(-1)?.outcome).toBe('answered');
      const service = snapshot.services.find((s) => s.id === product.id);
      expect(service?.reasons.map((reason) => reason.key)).toContain('reason_probeAnswering');
    }
  });

  it('waits for the next alarm while nothing gets through, and retries nothing in a normal check', async () => {
    await radar().check();
    await radar().check();
    expect(waits).toEqual([]);
    connection = 'up';
    await radar().check();
    connection = 'probes lag';
    await radar().check(true);
    expect(waits).toEqual([]);
  });
});
