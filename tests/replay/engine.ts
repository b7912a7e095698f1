/**
 * Replays one incident timeline through the product's own worker: the background entrypoint's
 * main, as the browser starts it, with WXT's fake browser for the extension APIs. The clock
 * (Date), fetch and the user's requests come in where they come in for real: the status pages
 * and probe targets answer from the fixture world of the end-to-end tests
 * (tests/e2e/world.mjs) as the timeline sets it at that virtual moment, the `check` alarm
 * fires every virtual minute, and the user's requests reach the worker's webRequest listener.
 * Nothing in the product knows it is replayed.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { offerAlternatives } from '@/utils/alternatives';
import { isTrouble } from '@/utils/core';
import type { FieldRequestDetails } from '@/utils/field/classify';
import { healthSnapshot } from '@/utils/health';
import type { HealthSnapshot } from '@/utils/health';
import { removeAllListeners } from '@/utils/messaging';
import { freshBrowser } from '../helpers/fresh-browser';
// @ts-expect-error The end-to-end tests' world is plain JavaScript.
import { answer, newWorld } from '../e2e/world.mjs';
import { type Profile, type Timeline, within } from './timeline';

const MINUTE = 60_000;
/** The worker runs this long before the window, so its first reads and baselines are behind it. */
const WARM_UP_MS = 30 * MINUTE;

/** What the radar did during one replay, in virtual time (epoch ms), null when it never did. */
export interface ReplayResult {
  incident: string;
  profile: Profile;
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
  /** The products the radar first called in trouble. */
  firstBlamed: string[];
  rightProduct: boolean;
  notifications: number;
  /** At the banner's first showing: were all the alternatives it offered up? */
  alternativesUp: boolean | null;
  offered: string[];
}

/** A seeded generator, so a replay gives the same numbers on every run. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SEND_REQUESTS = [
  // A send in 2026: the sentinel's two calls, the conversation's prepare, then the send itself
  // (../shared/chatgpt-wire.md §0).
  { path: '/backend-api/sentinel/chat-requirements/prepare', kind: 'prepare' },
  { path: '/backend-api/sentinel/chat-requirements/finalize', kind: 'prepare' },
  { path: '/backend-api/f/conversation/prepare', kind: 'prepare' },
  { path: '/backend-api/f/conversation', kind: 'send' },
] as const;

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

export async function replay(
  timeline: Timeline,
  profile: Profile,
  seed = 1,
): Promise<ReplayResult> {
  const from = Date.parse(timeline.window.from);
  const to = Date.parse(timeline.window.to);
  const random = seeded(seed);

  const scripting = freshBrowser();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(from - WARM_UP_MS);

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
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    inFlight++;
    try {
      const url = input instanceof Request ? input.url : String(input);
      const reply = await answer(world, url);
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
  const listeners: ((details: FieldRequestDetails) => void)[] = [];
  const keep = (listener: unknown) =>
    void listeners.push(listener as (details: FieldRequestDetails) => void);
  vi.spyOn(fakeBrowser.webRequest.onCompleted, 'addListener').mockImplementation(keep);
  vi.spyOn(fakeBrowser.webRequest.onErrorOccurred, 'addListener').mockImplementation(keep);

  if (profile !== 'no-tab') await fakeBrowser.tabs.create({ url: 'https://chatgpt.com/' });
  background.main();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.0' });
  await idle();

  const result: ReplayResult = {
    incident: timeline.id,
    profile,
    officialAt: null,
    usersNoticedAt: Date.parse(timeline.usersNoticed),
    badgeAt: null,
    notifiedAt: null,
    bannerAt: null,
    leadMin: null,
    firstBlamed: [],
    rightProduct: false,
    notifications: 0,
    alternativesUp: null,
    offered: [],
  };
  const healthyBadge = await fakeBrowser.action.getBadgeText({});
  let nextSend = from - WARM_UP_MS + (2 + 3 * random()) * MINUTE;

  const sendRequest = (path: string, kind: 'send' | 'prepare', at: number) => {
    const rule = timeline.field.find(
      (candidate) =>
        within(at, candidate) && (candidate.requests === 'all' || candidate.requests === kind),
    );
    const failed = rule && random() < rule.fail ? rule.as : null;
    // A stalled request ends, and is reported, that much later.
    const endsAt = at + (failed?.afterMs ?? 0);
    vi.setSystemTime(endsAt);
    const details: FieldRequestDetails = {
      url: `https://chatgpt.com${path}`,
      type: 'xmlhttprequest',
      method: 'POST',
      timeStamp: endsAt,
      initiator: 'https://chatgpt.com',
      ...(failed && 'error' in failed
        ? { error: failed.error }
        : { statusCode: failed ? failed.status : 200 }),
    };
    for (const listener of listeners) listener(details);
  };

  for (let at = from - WARM_UP_MS; at <= to; at += MINUTE) {
    vi.setSystemTime(at);
    // The world as the timeline has it now.
    for (const post of timeline.official) {
      if (Date.parse(post.at) <= at && world[post.provider] !== post.scenario) {
        world[post.provider] = post.scenario;
        world.epoch = Date.parse(post.at);
        if (post.scenario !== 'healthy') result.officialAt ??= Date.parse(post.at);
      }
    }
    world.probes = Object.fromEntries(
      timeline.probes.filter((rule) => within(at, rule)).map((rule) => [rule.origin, 'down']),
    );
    // The user's sends this minute, each its four requests.
    while (profile === 'tab-in-use' && nextSend < at + MINUTE) {
      vi.setSystemTime(nextSend);
      for (const request of SEND_REQUESTS) sendRequest(request.path, request.kind, nextSend);
      await idle();
      await observe(nextSend);
      nextSend += (2 + 3 * random()) * MINUTE;
    }
    vi.setSystemTime(at + MINUTE - 1);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'check',
      scheduledTime: Date.now(),
      periodInMinutes: 1,
    });
    await idle();
    await observe(Date.now());
  }

  async function observe(now: number) {
    if (now < from) return;
    const snapshot = (await healthSnapshot.getValue()) as HealthSnapshot | null;
    const badge = await fakeBrowser.action.getBadgeText({});
    if (process.env.REPLAY_DEBUG)
      console.log(
        new Date(now).toISOString(),
        badge,
        JSON.stringify(
          (snapshot?.services ?? [])
            .filter((s) => s.state !== 'operational')
            .map((s) => [s.id, s.state, s.reasons.map((r) => r.key)]),
        ),
      );
    if (result.badgeAt === null && badge !== healthyBadge) {
      result.badgeAt = now;
      result.firstBlamed = (snapshot?.services ?? [])
        .filter((service) => isTrouble(service.state))
        .map((service) => service.id);
      result.rightProduct = result.firstBlamed.some((id) => timeline.blame.includes(id));
    }
    const troubles = notified.filter(({ id }) => id.startsWith('outage|trouble|'));
    if (result.notifiedAt === null && troubles[0]) result.notifiedAt = troubles[0].at;
    if (result.bannerAt === null && scripting.registered.size > 0) {
      result.bannerAt = now;
      const offered = offerAlternatives(snapshot?.services ?? [], 'chat');
      result.offered = offered.map((alternative) => alternative.id);
      result.alternativesUp = !offered.some((alternative) =>
        timeline.othersDown.some(
          (down) => down.product === alternative.productId && within(now, down),
        ),
      );
    }
  }

  result.notifications = notified.length;
  if (result.officialAt !== null && result.badgeAt !== null)
    result.leadMin = Math.round((result.officialAt - result.badgeAt) / MINUTE);
  // The worker's last writes land before its fakes are taken away, never in the next replay.
  await idle();
  removeAllListeners();
  vi.useRealTimers();
  vi.restoreAllMocks();
  return result;
}
