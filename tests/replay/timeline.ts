/**
 * One real incident, or a stretch of healthy days, as data (docs/REPLAY.md): what the official
 * page posted and when, in that provider's captured shape; what clients saw on each host over
 * time; and where each fact comes from. Times are ISO 8601 in UTC. Anything not sourced says
 * `assumed: true`.
 */
export interface Timeline {
  id: string;
  title: string;
  /** Where the facts come from (../shared/incidents.md names them with their confidence). */
  sources: string[];
  /** The replayed span: a little before users noticed, to some time after the first post. */
  window: { from: string; to: string };
  /** The earliest credible external signal (Downdetector, the provider's own start). */
  usersNoticed: string;
  /** The products that were really in trouble: blaming one of them is right. */
  blame: string[];
  /** The official page over time: from `at`, `provider`'s page serves fixture `scenario`. */
  official: Fact<{ at: string; provider: string; scenario: string }>[];
  /**
   * What chatgpt.com's requests answered: from `from` to `to`, a share `fail` (0–1) of the
   * requests of kind `requests` answered `as` (one of the list, at random, when it is a list:
   * an incident mixing 500s and broken streams). Outside every rule, requests succeed.
   * `all` also covers our probe of chatgpt.com: it is a request to the same host.
   */
  field: Fact<{
    from: string;
    to: string;
    requests: RequestKind | 'all';
    fail: number;
    as: FieldFailure | FieldFailure[];
  }>[];
  /**
   * Our probes' targets: from `from` to `to`, a share `fail` (1 when absent) of the probes of
   * `origin` answer `as`: `down` is a 503, `{ status }` another status (Cloudflare's 530),
   * `{ afterMs }` no answer for that long (the probe gives up after 8 s).
   */
  probes: Fact<{
    from: string;
    to: string;
    origin: string;
    fail?: number;
    as: 'down' | { status: number } | { afterMs: number };
  }>[];
  /** Other products down at the same time (alternatives the banner must not offer). */
  othersDown: Fact<{ from: string; to: string; product: string }>[];
  /** A status page's host answering an HTTP error instead of its payload, from `from` to `to`. */
  statusErrors?: Fact<{ from: string; to: string; host: string; status: number }>[];
  /**
   * Who is at the browser, by time of day (UTC), weekdays and weekends apart: each entry from
   * its time to the next. Absent: the profile the runner names, throughout.
   */
  usage?: Fact<{
    weekday: [string, Profile | 'closed'][];
    weekend: [string, Profile | 'closed'][];
  }>;
  /** Bursts of requests at a moment, besides the user's sends (an exporter, a Stop...). */
  bursts?: Fact<{ at: string; requests: BurstRequest[] }>[];
}

/**
 * The kinds of request a ChatGPT tab makes (../shared/chatgpt-wire.md §0, §1): `send` is the
 * send POST; `prepare` the sentinel's and the conversation's prepare calls before it;
 * `background` the app's own reads (the conversation read back after an answer).
 */
export type RequestKind = 'send' | 'prepare' | 'background';

/** One request of a burst: `count` times, a second apart. */
export interface BurstRequest {
  method: 'GET' | 'POST';
  path: string;
  /** `main_frame` for a page load; an API call otherwise. */
  type?: 'main_frame' | 'xmlhttprequest';
  count?: number;
  as: FieldFailure;
}

/**
 * What a request looked like from the browser: its status (an edge's HTML error page is its
 * status too: webRequest sees no more), or a network error name (`net::…`); `afterMs` when it
 * ended that long after it began (`{ status: 200, afterMs: 30000 }` hung 30 s, then answered);
 * `headersFirst` for an error after the answer began (a stream that broke).
 */
export type FieldFailure = ({ status: number } | { error: string; headersFirst?: boolean }) & {
  afterMs?: number;
};

/** A fact and where it comes from; `assumed` when no source gives it. */
export type Fact<T> = T & { source: string; assumed?: boolean };

/** How the user of the replay uses ChatGPT. */
export type Profile = 'tab-in-use' | 'tab-idle' | 'no-tab';
export const PROFILES: readonly Profile[] = ['tab-in-use', 'tab-idle', 'no-tab'];

const time = (iso: string, where: string): number => {
  const at = Date.parse(iso);
  if (!/Z$/.test(iso) || Number.isNaN(at)) throw new Error(`${where}: not a UTC time: ${iso}`);
  return at;
};

/** Checks a timeline read from its file: every time UTC, every fact sourced or assumed. */
export function validTimeline(value: unknown, file: string): Timeline {
  const timeline = value as Timeline;
  const where = (part: string) => `${file}: ${part}`;
  for (const key of ['id', 'title', 'usersNoticed'] as const) {
    if (typeof timeline[key] !== 'string') throw new Error(where(`${key} missing`));
  }
  if (!Array.isArray(timeline.sources) || timeline.sources.length === 0)
    throw new Error(where('no sources'));
  time(timeline.window.from, where('window.from'));
  time(timeline.window.to, where('window.to'));
  time(timeline.usersNoticed, where('usersNoticed'));
  const facts = [
    ...timeline.official,
    ...timeline.field,
    ...timeline.probes,
    ...timeline.othersDown,
    ...(timeline.statusErrors ?? []),
    ...(timeline.bursts ?? []),
  ];
  for (const fact of facts) {
    if (typeof fact.source !== 'string' || !fact.source)
      throw new Error(where(`a fact without a source: ${JSON.stringify(fact)}`));
    for (const key of ['at', 'from', 'to'] as const) {
      if (key in fact) time((fact as unknown as Record<string, string>)[key]!, where(key));
    }
  }
  for (const rule of [...timeline.field, ...timeline.probes]) {
    const fail = rule.fail ?? 1;
    if (!(fail >= 0 && fail <= 1)) throw new Error(where(`fail ${fail}`));
  }
  return timeline;
}

/** The usage a timeline states, as a function of the time. */
export function usageAt(usage: NonNullable<Timeline['usage']>) {
  return (at: number): Profile | 'closed' => {
    const date = new Date(at);
    const day = date.getUTCDay();
    const hours = day === 0 || day === 6 ? usage.weekend : usage.weekday;
    const clock = date.toISOString().slice(11, 16);
    let current: Profile | 'closed' = 'closed';
    for (const [from, profile] of hours) if (clock >= from) current = profile;
    return current;
  };
}

export const within = (at: number, fact: { from: string; to: string }) =>
  at >= Date.parse(fact.from) && at < Date.parse(fact.to);
