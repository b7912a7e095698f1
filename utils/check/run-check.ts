import { browser } from 'wxt/browser';
import type { ProviderDefinition } from '../catalog/types';
import { CHATGPT_ID } from '../catalog';
import { CHATGPT_MATCHES } from '../catalog/openai-sites';
import { providersFor } from '../custom-pages/providers';
import { fieldSignals } from '../field/window';
import { probeTarget } from '../probes/probe';
import { recordProbe, type ProbeLog, type ProbeLogEntry } from '../probes/probe-log';
import { readFirstAnswering } from '../sources';
import { readSettings } from '../settings/settings';
import { fieldEvents } from '../field/store';
import { healthSnapshot } from '../health/store';
import { probeLog } from '../probes/store';
import { sourceReads } from '../sources/store';
import {
  COALESCE_SHARE,
  isOverloaded,
  jittered,
  lateness,
  LONGEST_CALM_MS,
  nextProbeDue,
  nextSourceDue,
  probeInterval,
  sourceInterval,
  type Attention,
} from '../cadence/cadence';
import { publishSnapshot } from './publish';
import { recordRead, type SourceRead, type SourceReads } from '../sources/reads';
import type { HealthSnapshot } from '../health/types';
import { attentionFor, troubledProducts, watchesChatGpt } from './attention';

/** An alarm may fire a little before a source is due; this much early still counts. */
const DUE_SLACK_MS = 10_000;

/**
 * A connection comes back in stages: in the first check after one, a read or probe may fail
 * at the network level while others get through. Those failures are not news (counted, they
 * would call half the catalog down for a moment and leave it "recovering" for minutes): they
 * are held back and tried once more this much later, and only that attempt is recorded.
 */
export const RECONNECT_RETRY_MS = 3_000;

export interface CheckOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Waits `ms` (the retry after a reconnection); a timer by default. */
  wait?: (ms: number) => Promise<void>;
}

/**
 * The radar's engine room, made once per worker start. `check` reads the status sources and
 * probes that are due (all of them when forced), in parallel, and stores and publishes their
 * results together: once when the last lands, or PUBLISH_WAIT_MS after the first if others
 * are still out, so one slow page never holds the others back for long, and a check of ten
 * pages costs one publish, not ten. `refresh` republishes from what is stored (after a field
 * event). Both go through one queue: it only orders writes, so a worker that dies loses
 * nothing but the queue and the results not yet stored (read again at the next check).
 */
export function createRadar(options: CheckOptions = {}) {
  // Read afresh each time, never kept: the worker may have slept through a change, and a
  // hidden service must drop out of the next snapshot, a page just added join it.
  const currentProviders = async () => providersFor(await readSettings());
  const clock = options.now ?? (() => Date.now());
  const wait = options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const refresh = () => serially(async () => publishSnapshot(await currentProviders(), clock()));

  /** The state a schedule is decided from: what is stored, and what it says needs attention. */
  async function looking(now: number) {
    const [providers, reads, probes, events, snapshot] = await Promise.all([
      currentProviders(),
      sourceReads.getValue(),
      probeLog.getValue(),
      fieldEvents.getValue(),
      healthSnapshot.getValue(),
    ]);
    const fields = fieldSignals(events, now);
    const troubled = troubledProducts(snapshot, fields, probes);
    const watchingChatGpt = watchesChatGpt(await chatGptOpen(), fields[CHATGPT_ID]);
    const attention = (provider: ProviderDefinition) =>
      attentionFor(provider, troubled, watchingChatGpt);
    return { providers, reads, probes, snapshot, fields, troubled, attention };
  }

  async function check(force = false) {
    const now = clock();
    const { providers, reads, probes, snapshot, attention } = await looking(now);
    // Offline, every alarm retries everything, no backoff: the first check after the connection
    // returns must see all of it (utils/health/offline.ts).
    const wasOffline = Boolean(snapshot?.offline);
    if (wasOffline) force = true;
    const results = resultsBatch(serially, async () =>
      publishSnapshot(await currentProviders(), clock()),
    );

    const sourceTasks = providers
      .filter((provider) => provider.sources.length > 0)
      .filter((provider) => {
        const read = reads[provider.id];
        // A last attempt "in the future" means the clock was set back: read now, or the
        // radar would sit frozen until the clock caught up with it.
        if (force || !read || read.attemptedAt > now + DUE_SLACK_MS) return true;
        const due = sourceDue(provider, read, attention(provider));
        return due.at <= now + reach(due.interval);
      })
      .map((provider) => async (holdBack: boolean, startedAt: number) => {
        const result = await readFirstAnswering(provider.sources, {
          fetch: options.fetch,
          now: clock,
        });
        // Recorded at the check's start, not when this page answered: every read of one check
        // then draws the same jitter (cadence.ts), and those read together stay together.
        const record = () =>
          results.add((all) => {
            const read = recordRead(all.reads[provider.id], result, startedAt);
            read.nextDueAt = nextSourceDue(
              startedAt,
              sourceInterval(attention(provider), provider.pace),
              read.error,
              read.failures,
              options.random,
            );
            all.reads = { ...all.reads, [provider.id]: read };
          });
        const unanswered =
          !result.ok && (result.error.code === 'network' || result.error.code === 'timeout');
        return heldBack(unanswered && holdBack, record);
      });

    const probeTasks = providers.flatMap((provider) =>
      provider.products
        .filter((product) => product.probe)
        .filter((product) => {
          if (force) return true;
          const due = probeDue(probes[product.id], attention(provider), now);
          return due.at <= now + reach(due.interval);
        })
        .map((product) => async (holdBack: boolean, startedAt: number) => {
          const result = await probeTarget(product.probe!.url, {
            fetch: options.fetch,
            now: clock,
          });
          // The check's start, as for the pages: probes made together stay together.
          const record = () =>
            results.add((all) => {
              all.probes = recordProbe(all.probes, product.id, { ...result, at: startedAt });
            });
          return heldBack(result.cause !== 'status' && holdBack, record);
        }),
    );

    // Right after being offline, an attempt that got no answer at all is held back, not
    // recorded: if something else got through, the connection is coming back and those are
    // tried again in a moment; if nothing did, the user is still offline, and they are news.
    const tasks = [...sourceTasks, ...probeTasks];
    const held = (await Promise.all(tasks.map((task) => task(wasOffline, now)))).flatMap(
      (record, index) => (record ? [{ record, task: tasks[index]! }] : []),
    );
    if (held.length > 0 && held.length < tasks.length) {
      await results.flush();
      await wait(RECONNECT_RETRY_MS);
      const retriedAt = clock();
      await Promise.all(held.map(({ task }) => task(false, retriedAt)));
    } else {
      await Promise.all(held.map(({ record }) => record()));
    }
    // Publish even when nothing was due: time alone can make a reading stale.
    return results.last();
  }

  /**
   * When the next check has something to do: the earliest time a status page or probe falls
   * due (a slow page: the latest it may wait for another's wake), at least a minute away and
   * at most CALM_SLEEP_MS. Every minute while anything is wrong, recovering or offline (a
   * verdict then changes with time alone). Between, the worker sleeps: each wake makes Chrome
   * start a process for it and the worker afresh, about 300 ms of CPU with nothing to read
   * (tests/bench/wake.mjs), and a check alarm every minute cost seconds an hour for nothing. A check also takes what falls due soon after it (`reach`), so reads
   * drift into a few wakes an hour rather than one each.
   */
  async function nextCheckAt(): Promise<number> {
    const now = clock();
    const { providers, reads, probes, snapshot, fields, troubled, attention } = await looking(now);
    const soon = now + MINUTE;
    const unsettled = snapshot?.services.some((service) => service.calmSince != null);
    if (snapshot?.offline || troubled.size > 0 || unsettled) return soon;
    // The user's requests leaving their window change what the snapshot says, and whether an
    // open ChatGPT tab is watched: nothing else would wake the worker for that.
    const fieldChanges = Object.values(fields).flatMap((field) =>
      field.changesAt === null ? [] : [field.changesAt],
    );
    const dues = providers.flatMap((provider) => [
      ...(provider.sources.length > 0
        ? [
            reads[provider.id]
              ? latest(sourceDue(provider, reads[provider.id]!, attention(provider)))
              : now,
          ]
        : []),
      ...provider.products
        .filter((product) => product.probe)
        .map((product) => probeDue(probes[product.id], attention(provider), now).at),
    ]);
    return Math.min(Math.max(soon, Math.min(...dues, ...fieldChanges)), now + CALM_SLEEP_MS);
  }

  return { check, refresh, nextCheckAt };
}

const MINUTE = 60_000;
/**
 * The longest the worker sleeps between checks: a safety net, not a schedule. Longer than any
 * calm interval can draw, or a wake would come just before the reads and find nothing due.
 */
const CALM_SLEEP_MS = LONGEST_CALM_MS + MINUTE;

/** How far ahead a check reaches for something due every `interval`. */
const reach = (interval: number) => Math.max(DUE_SLACK_MS, COALESCE_SHARE * interval);

/** The latest a wake may come for `due`: a slow page waits for the next calm wake. */
const latest = (due: Due) => due.at + lateness(due.interval);

/** What the scheduler needs of a read or probe: when it is due, and how often it comes. */
interface Due {
  at: number;
  interval: number;
}

/**
 * When a status page is next due: its stored due time, pulled forward by attention that
 * began after the last read (trouble, a ChatGPT tab opened), so a failing request gets the
 * official word at once; a page that asked us to back off is left alone until it said, and
 * never taken early.
 */
function sourceDue(provider: ProviderDefinition, read: SourceRead, attention: Attention): Due {
  if (isOverloaded(read.error)) return { at: read.nextDueAt, interval: 0 };
  const interval = sourceInterval(attention, provider.pace);
  return {
    // The same draw as the one that set nextDueAt: the same attention never pulls a read
    // forward, and its jitter holds.
    at: Math.min(read.nextDueAt, read.attemptedAt + jittered(interval, read.attemptedAt)),
    interval,
  };
}

/** When a probe target is next due: now when never probed or the clock went back. */
function probeDue(entry: ProbeLogEntry | undefined, attention: Attention, now: number): Due {
  const interval = probeInterval(attention);
  const last = entry?.results.at(-1)?.at;
  if (last === undefined || last > now + DUE_SLACK_MS) return { at: now, interval };
  return { at: nextProbeDue(last, attention), interval };
}

/** What a check's results change in storage; applied in the order they landed. */
interface Stored {
  reads: SourceReads;
  probes: ProbeLog;
}

/**
 * A check's results, stored and published together: one write of each log and one publish
 * for all the results that landed within PUBLISH_WAIT_MS of the first, or by the end of the
 * check (`flush`). Writes go through the radar's queue, read-modify-write on what is stored,
 * so a field event published meanwhile is neither lost nor overwritten.
 */
function resultsBatch(
  serially: <T>(task: () => Promise<T>) => Promise<T>,
  publish: () => Promise<HealthSnapshot>,
) {
  let waiting: Array<(stored: Stored) => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Writes what waits; whether there was anything. Run inside the queue. */
  const store = async () => {
    clearTimeout(timer);
    timer = undefined;
    const changes = waiting;
    waiting = [];
    if (changes.length === 0) return false;
    const [reads, probes] = await Promise.all([sourceReads.getValue(), probeLog.getValue()]);
    const stored: Stored = { reads, probes };
    for (const change of changes) change(stored);
    await Promise.all([
      stored.reads !== reads ? sourceReads.setValue(stored.reads) : undefined,
      stored.probes !== probes ? probeLog.setValue(stored.probes) : undefined,
    ]);
    return true;
  };
  /** Stores and publishes what waits, if anything does. */
  const flush = () =>
    serially(async () => {
      if (await store()) await publish();
    });
  return {
    add(change: (stored: Stored) => void): Promise<void> {
      waiting.push(change);
      timer ??= setTimeout(() => void flush().catch(() => undefined), PUBLISH_WAIT_MS);
      return Promise.resolve();
    },
    flush,
    /** Stores what waits and publishes, whatever waited: the check's last word. */
    last: () =>
      serially(async () => {
        await store();
        return publish();
      }),
  };
}

/** How long a check's first result waits for the others before it is published alone. */
const PUBLISH_WAIT_MS = 1_500;

/** A task's record when it is held back, or null once it has recorded itself. */
async function heldBack(
  holdBack: boolean,
  record: () => Promise<unknown>,
): Promise<(() => Promise<unknown>) | null> {
  if (holdBack) return record;
  await record();
  return null;
}

/** Whether the user has ChatGPT open: the host permission lets us ask without "tabs". */
async function chatGptOpen(): Promise<boolean> {
  try {
    return (await browser.tabs.query({ url: [...CHATGPT_MATCHES] })).length > 0;
  } catch {
    return false;
  }
}
