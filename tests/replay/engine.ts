/**
 * Replays one timeline through the product's own worker: the background entrypoint's main, as
 * the browser starts it, with WXT's fake browser for the extension APIs. The clock (Date),
 * fetch, the alarms and the user's requests come in where they come in for real: the status
 * pages and probe targets answer from the fixture world of the end-to-end tests
 * (tests/e2e/world.mjs) as the timeline sets it at that virtual moment, probes take a latency
 * drawn from real measurements (fixtures/probe-latency.json), the `check` alarm fires every
 * alarms (the check the worker sets for when something falls due, the stall alarm, history
 * pruning) when they are due, and each of the user's requests reaches
 * the worker's webRequest listeners as the browser reports it: its start (a send), its first
 * byte, its end. Nothing in the product knows it is replayed.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { offerAlternatives } from '@/utils/alternatives';
import { CADENCE } from '@/utils/cadence/cadence';
import { isTrouble, STATE_COLORS } from '@/utils/core';
import type { FieldRequestDetails } from '@/utils/field/classify';
import { healthSnapshot } from '@/utils/health';
import type { HealthSnapshot } from '@/utils/health';
import { removeAllListeners } from '@/utils/messaging';
import { freshBrowser } from '../helpers/fresh-browser';
// @ts-expect-error The end-to-end tests' world is plain JavaScript.
import { answer, newWorld } from '../e2e/world.mjs';
import {
  type BurstRequest,
  type FieldFailure,
  type Profile,
  type RequestKind,
  type Timeline,
  within,
} from './timeline';

const MINUTE = 60_000;
/** The worker runs this long before the window, so its first reads and baselines are behind it. */
const WARM_UP_MS = 30 * MINUTE;
/** utils/probes/probe.ts's timeout, a real timer there: the engine applies it in virtual time. */
const PROBE_GIVES_UP_MS = 8_000;

/** Real probe latencies per origin (fixtures/PROVENANCE.md); others answer in 100 ms. */
const LATENCIES: Record<string, number[]> = JSON.parse(
  readFileSync(new URL('fixtures/probe-latency.json', import.meta.url), 'utf8'),
);

/** What the radar did during one replay, in virtual time (epoch ms), null when it never did. */
export interface ReplayResult {
  incident: string;
  profile: Profile | 'week';
  officialAt: number | null;
  usersNoticedAt: number;
  /** The badge's first change from all-well. */
  badgeAt: number | null;
  /** The first "problems" notification. */
  notifiedAt: number | null;
  /** The banner's script registered on an OpenAI site. */
  bannerAt: number | null;
  /** Minutes by which the radar's first signal (badge) beat the official post; < 0 late. */
  leadMin: number | null;
  /** The products the radar first called in trouble, and why (their reasons' keys). */
  firstBlamed: string[];
  firstReasons: string[];
  rightProduct: boolean;
  notifications: number;
  /** Each notification raised in the window: its time (ISO) and id. */
  told: string[];
  /** At the banner's first showing: were all the alternatives it offered up? */
  alternativesUp: boolean | null;
  offered: string[];
  /**
   * The lead had the radar spoken at the first failure it could meet (a failing request the
   * browser reports, a probe rule): the timeline's own bound on any detector.
   */
  bestLeadMin: number | null;
  /** Whether a probe of ours meets this failure (a probe rule, or a failure of all chatgpt.com). */
  probeVisible: boolean;
  /** When the radar was later than the official page: why, as far as the timeline tells. */
  lateBecause: string | null;
  /** The replayed span, for the healthy days' count. */
  windowFrom: number;
  windowTo: number;
  /** Virtual minutes the badge showed trouble, and how many of them red (a major outage). */
  troubleMinutes: number;
  redMinutes: number;
  /** Times the check alarm woke the worker in the window, and minutes the browser ran. */
  checks: number;
  browserMinutes: number;
  /**
   * The same by what the user was doing (a profile), with the requests of ours (status pages
   * and probes) made meanwhile: `npm run bench` prices a calm hour with no ChatGPT tab by them.
   */
  byUse: Partial<Record<Profile, { checks: number; minutes: number; requests: number }>>;
  /** The user's sends, and the requests reported to the worker. */
  sends: number;
  requests: number;
}

/** Who is at the browser: a profile for the whole replay, or one per moment (`closed`: off). */
export type Usage = Profile | ((at: number) => Profile | 'closed');

/** A seeded generator, so a replay gives the same numbers on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface UserRequest {
  path: string;
  method: 'GET' | 'POST';
  kind: RequestKind | 'other';
  type: 'main_frame' | 'xmlhttprequest';
}

const SEND_REQUESTS: readonly UserRequest[] = (
  [
    // A send in 2026: the sentinel's two calls, the conversation's prepare, the send itself
    // (../shared/chatgpt-wire.md §0), then the app reads the conversation back (§1a).
    { path: '/backend-api/sentinel/chat-requirements/prepare', method: 'POST', kind: 'prepare' },
    { path: '/backend-api/sentinel/chat-requirements/finalize', method: 'POST', kind: 'prepare' },
    { path: '/backend-api/f/conversation/prepare', method: 'POST', kind: 'prepare' },
    { path: '/backend-api/f/conversation', method: 'POST', kind: 'send' },
    { path: '/backend-api/conversation/0', method: 'GET', kind: 'background' },
  ] as const
).map((request) => ({ ...request, type: 'xmlhttprequest' as const }));
const SEND_PATH = '/backend-api/f/conversation';

/** One webRequest event to deliver at a virtual time. */
interface Delivery {
  at: number;
  event: 'onBeforeRequest' | 'onResponseStarted' | 'onCompleted' | 'onErrorOccurred';
  details: FieldRequestDetails;
  /** A send's end: the moment to look at what the radar shows. */
  look?: boolean;
}

/**
 * The browser's events for one request that starts at `at` and answers as `failure` says
 * (null: it works): a send streams its answer for 8 s; other calls answer in a few hundred ms.
 */
function deliveriesOf(
  request: UserRequest,
  at: number,
  failure: FieldFailure | null,
  id: string,
): Delivery[] {
  const isSend = request.path === SEND_PATH;
  const base = {
    url: `https://chatgpt.com${request.path}`,
    type: request.type,
    method: request.method,
    requestId: id,
    // A page load the user started names no requester; the app's calls name the page.
    ...(request.type === 'main_frame' ? {} : { initiator: 'https://chatgpt.com' }),
  };
  const out: Delivery[] = [];
  if (isSend) out.push({ at, event: 'onBeforeRequest', details: { ...base, timeStamp: at } });
  const respond = (headersAt: number, status: number, endAt: number) => {
    if (isSend)
      out.push({
        at: headersAt,
        event: 'onResponseStarted',
        details: { ...base, timeStamp: headersAt, statusCode: status },
      });
    out.push({
      at: endAt,
      event: 'onCompleted',
      details: { ...base, timeStamp: endAt, statusCode: status },
      look: isSend,
    });
  };
  if (!failure) {
    respond(at + (isSend ? 600 : 150), 200, at + (isSend ? 8_000 : 200));
  } else if ('status' in failure) {
    const headersAt = at + (failure.afterMs ?? 300);
    respond(headersAt, failure.status, headersAt + (isSend && failure.status < 300 ? 8_000 : 50));
  } else {
    if (failure.headersFirst && isSend)
      out.push({
        at: at + 600,
        event: 'onResponseStarted',
        details: { ...base, timeStamp: at + 600, statusCode: 200 },
      });
    const endAt = at + (failure.afterMs ?? 300);
    out.push({
      at: endAt,
      event: 'onErrorOccurred',
      details: { ...base, timeStamp: endAt, error: failure.error },
      look: isSend,
    });
  }
  return out;
}

/** The products the user's own requests speak for (utils/field/classify.ts). */
const FIELD_SEEN = new Set(['chatgpt', 'sora', 'openai-api', 'openai-login']);

/** Whether the browser reports a failure this rule makes: a 5xx, a network error, a stall. */
const visibleRule = (rule: Timeline['field'][number]) =>
  (Array.isArray(rule.as) ? rule.as : [rule.as]).some(
    (form) => !('status' in form) || form.status >= 500 || (form.afterMs ?? 0) >= 30_000,
  );

/** Why the radar came after the official page, from what the timeline says could be seen. */
function whyLate(timeline: Timeline, result: ReplayResult): string {
  const minutes = (ms: number) => `${ms / 60_000} min`;
  const read =
    result.profile === 'tab-idle'
      ? `read every ${minutes(CADENCE.calmMs)} while calm (OpenAI's every ${minutes(CADENCE.watchingMs)}, a ChatGPT tab sitting idle)`
      : `read every ${minutes(CADENCE.calmMs)} while calm`;
  if (result.officialAt !== null && result.officialAt <= result.usersNoticedAt)
    return `the official page posted before users noticed; it is ${read}`;
  const visibleField = timeline.field.some(visibleRule);
  if (!timeline.blame.some((id) => FIELD_SEEN.has(id)) && !result.probeVisible)
    return `no request of the user's and no probe of ours meets ${timeline.blame.join(', ')}'s failure (our probe knocks on the API, which worked); the official page, ${read}, came first`;
  if (timeline.field.length > 0 && !visibleField)
    return `the failures hid inside answers that began with HTTP 200 (webRequest sees a 200); the official page, ${read}, came first`;
  if (result.profile === 'no-tab' && !result.probeVisible)
    return `no tab, and no probe of ours meets this failure; the official page, ${read}, came first`;
  return `our signals came after the post (the official page is ${read})`;
}

/**
 * Lets the worker's promise chains, storage writes and IndexedDB transactions run out: until
 * no fetch is in flight and nothing touched storage for ten turns of the event loop.
 */
async function settle(inFlight: () => number, activity: () => number) {
  for (let quiet = 0, seen = activity(); quiet < 10;) {
    await new Promise((resolve) => setImmediate(resolve));
    const now = activity();
    quiet = inFlight() > 0 || now !== seen ? 0 : quiet + 1;
    seen = now;
  }
}

export async function replay(timeline: Timeline, usage: Usage, seed = 1): Promise<ReplayResult> {
  const from = Date.parse(timeline.window.from);
  const to = Date.parse(timeline.window.to);
  // One stream per kind of chance, so that how the worker's work interleaves (which probe's
  // fetch comes first) never changes when the user sends or which request fails.
  const random = seeded(seed);
  const chance = seeded(seed + 1);
  const latencyDraw = seeded(seed + 2);
  const who = typeof usage === 'function' ? usage : () => usage;
  const parse = <T extends { from: string; to: string }>(facts: readonly T[]) =>
    facts.map((fact) => ({ ...fact, start: Date.parse(fact.from), end: Date.parse(fact.to) }));
  const fieldRules = parse(timeline.field);
  const probeRules = parse(timeline.probes);
  const statusErrors = parse(timeline.statusErrors ?? []);
  const active = <T extends { start: number; end: number }>(rules: T[], at: number) =>
    rules.filter((rule) => at >= rule.start && at < rule.end);

  const scripting = freshBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  let now = from - WARM_UP_MS;
  /** The virtual clock only goes forward. */
  const setClock = (at: number) => {
    now = Math.max(now, at);
    vi.setSystemTime(now);
  };
  setClock(now);

  const world = newWorld();
  let inFlight = 0;
  let activity = 0;
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.session]) {
    for (const method of ['get', 'set', 'remove'] as const) {
      const original = area[method].bind(area) as (...args: unknown[]) => Promise<unknown>;
      vi.spyOn(area, method).mockImplementation((async (...args: unknown[]) => {
        activity++;
        try {
          return await original(...args);
        } finally {
          activity++;
        }
      }) as never);
    }
  }
  const idle = () =>
    settle(
      () => inFlight,
      () => activity,
    );

  // Probes answer after their latency, in the order their answers come, each at its virtual
  // time: the probe reads the clock when its headers arrive.
  const answers: { at: number; release: () => void }[] = [];
  let releasing = false;
  const answerAt = (at: number) =>
    new Promise<void>((release) => {
      answers.push({ at, release });
      if (releasing) return;
      releasing = true;
      setImmediate(async () => {
        while (answers.length > 0) {
          answers.sort((a, b) => a.at - b.at);
          const next = answers.shift()!;
          setClock(next.at);
          next.release();
          await new Promise((resolve) => setImmediate(resolve));
        }
        releasing = false;
      });
    });
  const latencyOf = (origin: string) => {
    const samples = LATENCIES[origin];
    return samples ? samples[Math.floor(latencyDraw() * samples.length)]! : 100;
  };
  /** What the timeline says a probe of `url` meets now; null when it answers as usual. */
  const probeFault = (url: URL): { status: number } | { afterMs: number } | null => {
    for (const rule of active(probeRules, now)) {
      if (rule.origin !== url.origin || chance() >= (rule.fail ?? 1)) continue;
      return rule.as === 'down' ? { status: 503 } : rule.as;
    }
    // Our probe of chatgpt.com is a request to chatgpt.com: what fails for all of them fails it.
    if (url.origin === 'https://chatgpt.com') {
      const failure = drawFailure('all');
      if (failure) return 'status' in failure ? failure : { afterMs: failure.afterMs ?? 300 };
    }
    return null;
  };

  let use: Profile | undefined;
  const spent = (profile: Profile) =>
    (result.byUse[profile] ??= { checks: 0, minutes: 0, requests: 0 });
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    inFlight++;
    if (use && now >= from) spent(use).requests++;
    try {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const started = now;
      const outage = statusErrors.find(
        (rule) => now >= rule.start && now < rule.end && url.hostname === rule.host,
      );
      if (outage) return new Response('Service Unavailable', { status: outage.status });
      const isProbe = url.origin === 'https://chatgpt.com' || LATENCIES[url.origin] !== undefined;
      if (isProbe) {
        const fault = probeFault(url);
        if (fault && 'afterMs' in fault) {
          // A probe gives up after 8 s: it sees no answer, whatever comes later.
          await answerAt(started + Math.min(fault.afterMs, PROBE_GIVES_UP_MS));
          throw new TypeError('Failed to fetch');
        }
        const latency = latencyOf(url.origin);
        // The probe's own timeout is a real timer: a virtual answer later than it is none.
        if (latency >= PROBE_GIVES_UP_MS) {
          await answerAt(started + PROBE_GIVES_UP_MS);
          throw new TypeError('Failed to fetch');
        }
        await answerAt(started + latency);
        if (fault) return new Response('{"error":"unavailable"}', { status: fault.status });
      }
      const reply = await answer(world, url.href);
      world.requests.length = 0;
      if (!reply) throw new TypeError('Failed to fetch');
      return new Response(reply.status === 304 ? null : reply.body, {
        status: reply.status,
        headers: { 'content-type': reply.contentType, ...reply.headers },
      });
    } finally {
      inFlight--;
    }
  });
  const notified: { id: string; at: number }[] = [];
  const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications);
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async (...args) => {
    const id = typeof args[0] === 'string' ? args[0] : '';
    notified.push({ id, at: Date.now() });
    return create(...(args as Parameters<typeof create>));
  });
  // WXT's fake webRequest throws on addListener: keep the worker's listeners instead.
  const listeners: Record<Delivery['event'], ((details: FieldRequestDetails) => void)[]> = {
    onBeforeRequest: [],
    onResponseStarted: [],
    onCompleted: [],
    onErrorOccurred: [],
  };
  for (const event of Object.keys(listeners) as Delivery['event'][]) {
    vi.spyOn(fakeBrowser.webRequest[event], 'addListener').mockImplementation(
      ((listener: unknown) =>
        void listeners[event].push(listener as (details: FieldRequestDetails) => void)) as never,
    );
  }

  // One tab, on ChatGPT or elsewhere (the fake browser cannot close the last tab).
  let tabId: number | null = null;
  let onChatGpt = false;
  const useTab = async (open: boolean) => {
    if (open === onChatGpt && tabId !== null) return;
    const url = open ? 'https://chatgpt.com/' : 'https://example.com/';
    if (tabId === null) tabId = (await fakeBrowser.tabs.create({ url })).id ?? null;
    else await fakeBrowser.tabs.update(tabId, { url });
    onChatGpt = open;
  };
  const firstUse = who(now);
  await useTab(firstUse === 'tab-in-use' || firstUse === 'tab-idle');
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.0' });
  await idle();

  const result: ReplayResult = {
    incident: timeline.id,
    profile: typeof usage === 'function' ? 'week' : usage,
    officialAt: null,
    usersNoticedAt: Date.parse(timeline.usersNoticed),
    badgeAt: null,
    notifiedAt: null,
    bannerAt: null,
    leadMin: null,
    firstBlamed: [],
    firstReasons: [],
    rightProduct: false,
    notifications: 0,
    told: [],
    alternativesUp: null,
    offered: [],
    bestLeadMin: null,
    probeVisible:
      timeline.probes.length > 0 || timeline.field.some((rule) => rule.requests === 'all'),
    lateBecause: null,
    windowFrom: from,
    windowTo: to,
    troubleMinutes: 0,
    redMinutes: 0,
    checks: 0,
    browserMinutes: 0,
    byUse: {},
    sends: 0,
    requests: 0,
  };
  const healthyBadge = await fakeBrowser.action.getBadgeText({});
  const red = STATE_COLORS.major_outage;

  /** A failure drawn for one request of `kind` now, from the rules that cover it; or null. */
  function drawFailure(kind: RequestKind | 'other' | 'all'): FieldFailure | null {
    for (const rule of active(fieldRules, now)) {
      const covers = rule.requests === 'all' || (kind !== 'all' && rule.requests === kind);
      if (!covers || chance() >= rule.fail) continue;
      const forms = Array.isArray(rule.as) ? rule.as : [rule.as];
      return forms[Math.floor(chance() * forms.length)]!;
    }
    return null;
  }

  const queue: Delivery[] = [];
  let nextId = 0;
  const schedule = (request: UserRequest, at: number, failure: FieldFailure | null) => {
    result.requests++;
    queue.push(...deliveriesOf(request, at, failure, String(++nextId)));
  };
  const burst = (request: BurstRequest, at: number) => {
    for (let i = 0; i < (request.count ?? 1); i++)
      schedule(
        {
          path: request.path,
          method: request.method,
          kind: 'other',
          type: request.type ?? 'xmlhttprequest',
        },
        at + i * 1_000,
        request.as,
      );
  };
  const bursts = (timeline.bursts ?? []).map((fact) => ({ ...fact, time: Date.parse(fact.at) }));

  /** Fires the alarms that are due by now, as the browser would. */
  const fireDueAlarms = async () => {
    for (const alarm of await fakeBrowser.alarms.getAll()) {
      if (alarm.scheduledTime > now) continue;
      if (alarm.periodInMinutes)
        await fakeBrowser.alarms.create(alarm.name, {
          when: alarm.scheduledTime + alarm.periodInMinutes * MINUTE,
          periodInMinutes: alarm.periodInMinutes,
        });
      else await fakeBrowser.alarms.clear(alarm.name);
      if (alarm.name === 'check' && now >= from) {
        result.checks++;
        if (use) spent(use).checks++;
      }
      await fakeBrowser.alarms.onAlarm.trigger(alarm);
      await idle();
    }
  };

  let nextSend = now + (2 + 3 * random()) * MINUTE;
  let wasOpen = true;
  for (let tick = from - WARM_UP_MS; tick <= to; tick += MINUTE) {
    const user = who(tick);
    if (user === 'closed') {
      // The browser is off: nothing runs; storage.session goes with it.
      if (wasOpen) await useTab(false);
      wasOpen = false;
      use = undefined;
      continue;
    }
    setClock(tick);
    use = user;
    if (tick >= from) {
      result.browserMinutes++;
      spent(user).minutes++;
    }
    if (!wasOpen) {
      await fakeBrowser.storage.session.clear();
      await fakeBrowser.runtime.onStartup.trigger();
      await idle();
      wasOpen = true;
      nextSend = tick + (2 + 3 * random()) * MINUTE;
    }
    await useTab(user !== 'no-tab');
    // The world as the timeline has it now.
    for (const post of timeline.official) {
      if (Date.parse(post.at) <= tick && world[post.provider] !== post.scenario) {
        world[post.provider] = post.scenario;
        world.epoch = Date.parse(post.at);
        if (post.scenario !== 'healthy') result.officialAt ??= Date.parse(post.at);
      }
    }
    // The user's sends this minute, each its five requests, and the bursts.
    if (user !== 'tab-in-use') nextSend = Math.max(nextSend, tick + MINUTE);
    while (user === 'tab-in-use' && nextSend < tick + MINUTE) {
      setClock(nextSend);
      result.sends++;
      SEND_REQUESTS.forEach((request, i) =>
        schedule(request, nextSend + i * 200, drawFailure(request.kind)),
      );
      nextSend += (2 + 3 * random()) * MINUTE;
    }
    for (const fact of bursts)
      if (fact.time >= tick && fact.time < tick + MINUTE && user !== 'no-tab')
        for (const request of fact.requests) burst(request, fact.time);
    // Everything the browser reports before the minute's check, in time order.
    queue.sort((a, b) => a.at - b.at);
    let delivered = false;
    while (queue[0] && queue[0].at < tick + MINUTE - 1) {
      delivered = true;
      const delivery = queue.shift()!;
      setClock(delivery.at);
      await fireDueAlarms();
      for (const listener of listeners[delivery.event]) listener(delivery.details);
      if (delivery.look) {
        await idle();
        await observe(now);
      }
    }
    if (delivered) await idle();
    setClock(tick + MINUTE - 1);
    // The check alarm too fires when it is due: the worker sets it for when something is.
    await fireDueAlarms();
    await observe(now, true);
  }

  async function observe(at: number, minute = false) {
    if (at < from) return;
    const snapshot = (await healthSnapshot.getValue()) as HealthSnapshot | null;
    const badge = await fakeBrowser.action.getBadgeText({});
    if (process.env.REPLAY_DEBUG)
      console.log(
        new Date(at).toISOString(),
        badge,
        JSON.stringify(
          (snapshot?.services ?? [])
            .filter((s) => s.state !== 'operational')
            .map((s) => [s.id, s.state, s.reasons.map((r) => r.key)]),
        ),
      );
    if (minute && badge !== healthyBadge) {
      result.troubleMinutes++;
      const color = await fakeBrowser.action.getBadgeBackgroundColor({});
      const hex = `#${[...color]
        .slice(0, 3)
        .map((c) => c.toString(16).padStart(2, '0'))
        .join('')}`;
      if (hex === red) result.redMinutes++;
    }
    if (result.badgeAt === null && badge !== healthyBadge) {
      result.badgeAt = at;
      const troubled = (snapshot?.services ?? []).filter((service) => isTrouble(service.state));
      result.firstBlamed = troubled.map((service) => service.id);
      result.firstReasons = [
        ...new Set(troubled.flatMap((service) => service.reasons.map((reason) => reason.key))),
      ];
      result.rightProduct = result.firstBlamed.some((id) => timeline.blame.includes(id));
    }
    const troubles = notified.filter(({ id }) => id.startsWith('outage|trouble|'));
    if (result.notifiedAt === null && troubles[0]) result.notifiedAt = troubles[0].at;
    if (result.bannerAt === null && scripting.registered.size > 0) {
      result.bannerAt = at;
      const offered = offerAlternatives(snapshot?.services ?? [], 'chat');
      result.offered = offered.map((alternative) => alternative.id);
      result.alternativesUp = !offered.some((alternative) =>
        timeline.othersDown.some(
          (down) => down.product === alternative.productId && within(at, down),
        ),
      );
    }
  }

  const inWindow = notified.filter(({ at }) => at >= from);
  result.notifications = inWindow.length;
  result.told = inWindow.map(({ at, id }) => `${new Date(at).toISOString().slice(0, 16)} ${id}`);
  if (result.officialAt !== null && result.badgeAt !== null)
    result.leadMin = Math.round((result.officialAt - result.badgeAt) / MINUTE);
  const firstVisible = Math.min(
    ...timeline.field.filter(visibleRule).map((rule) => Date.parse(rule.from)),
    ...timeline.probes.map((rule) => Date.parse(rule.from)),
  );
  // Nothing visible: the official page itself is the first word, a lead of 0 at best.
  if (result.officialAt !== null)
    result.bestLeadMin = Math.max(0, Math.round((result.officialAt - firstVisible) / MINUTE));
  if (result.leadMin !== null && result.leadMin < 0) result.lateBecause = whyLate(timeline, result);
  // The worker's last writes land before its fakes are taken away, never in the next replay.
  await idle();
  removeAllListeners();
  vi.useRealTimers();
  vi.restoreAllMocks();
  return result;
}
