import { browser } from 'wxt/browser';
import type { ProviderDefinition } from '../catalog/types';
import { CHATGPT_ID } from '../catalog';
import { CHATGPT_MATCHES } from '../catalog/openai-sites';
import { providersFor } from '../custom-pages/providers';
import { fieldSignals } from '../field/window';
import { probeTarget } from '../probes/probe';
import { recordProbe, type ProbeLogEntry } from '../probes/probe-log';
import { readFirstAnswering } from '../sources';
import { readSettings } from '../settings/settings';
import { fieldEvents } from '../field/store';
import { healthSnapshot } from '../health/store';
import { probeLog } from '../probes/store';
import { sourceReads } from '../sources/store';
import {
  isOverloaded,
  jittered,
  nextProbeDue,
  nextSourceDue,
  sourceInterval,
  type Attention,
} from '../cadence/cadence';
import { publishSnapshot } from './publish';
import { recordRead, type SourceRead } from '../sources/reads';
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
 * probes that are due (all of them when forced), in parallel; each result is stored and
 * republished as soon as it lands, so one slow page never delays the others. `refresh`
 * republishes from what is stored (after a field event). Both go through one queue: it
 * only orders writes, so a worker that dies loses nothing but the queue.
 */
export function createRadar(options: CheckOptions = {}) {
  // Read afresh each time, never kept: the worker may have slept through a change, and a
  // hidden service must drop out of the next snapshot, a page just added join it.
  const currentProviders = async () => providersFor(await readSettings());
  const clock = options.now ?? (() => Date.now());
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const refresh = () => serially(async () => publishSnapshot(await currentProviders(), clock()));

  async function check(force = false) {
    const now = clock();
    const [providers, reads, probes, events, snapshot] = await Promise.all([
      currentProviders(),
      sourceReads.getValue(),
      probeLog.getValue(),
      fieldEvents.getValue(),
      healthSnapshot.getValue(),
    ]);
    // Offline, every alarm retries everything, no backoff: the first check after the connection
    // returns must see all of it (utils/health/offline.ts).
    const wasOffline = Boolean(snapshot?.offline);
    if (wasOffline) force = true;
    const fields = fieldSignals(events, now);
    const troubled = troubledProducts(snapshot, fields, probes);
    const watchingChatGpt = watchesChatGpt(await chatGptOpen(), fields[CHATGPT_ID]);
    const attention = (provider: ProviderDefinition) =>
      attentionFor(provider, troubled, watchingChatGpt);

    const sourceTasks = providers
      .filter((provider) => provider.sources.length > 0)
      .filter((provider) => {
        const read = reads[provider.id];
        // A last attempt "in the future" means the clock was set back: read now, or the
        // radar would sit frozen until the clock caught up with it.
        if (force || !read || read.attemptedAt > now + DUE_SLACK_MS) return true;
        return sourceDueAt(provider, read, attention(provider)) <= now + DUE_SLACK_MS;
      })
      .map((provider) => async (holdBack: boolean) => {
        const result = await readFirstAnswering(provider.sources, {
          fetch: options.fetch,
          now: clock,
        });
        const at = clock();
        const record = () =>
          serially(async () => {
            const all = await sourceReads.getValue();
            const read = recordRead(all[provider.id], result, at);
            read.nextDueAt = nextSourceDue(
              at,
              sourceInterval(attention(provider), provider.pace),
              read.error,
              read.failures,
              options.random,
            );
            await sourceReads.setValue({ ...all, [provider.id]: read });
            await publishSnapshot(await currentProviders(), at);
          });
        const unanswered =
          !result.ok && (result.error.code === 'network' || result.error.code === 'timeout');
        return heldBack(unanswered && holdBack, record);
      });

    const probeTasks = providers.flatMap((provider) =>
      provider.products
        .filter((product) => product.probe)
        .filter(
          (product) =>
            force || probeDueAt(probes[product.id], attention(provider), now) <= now + DUE_SLACK_MS,
        )
        .map((product) => async (holdBack: boolean) => {
          const result = await probeTarget(product.probe!.url, {
            fetch: options.fetch,
            now: clock,
          });
          const record = () =>
            serially(async () => {
              await probeLog.setValue(recordProbe(await probeLog.getValue(), product.id, result));
              await publishSnapshot(await currentProviders(), clock());
            });
          return heldBack(result.cause !== 'status' && holdBack, record);
        }),
    );

    // Right after being offline, an attempt that got no answer at all is held back, not
    // recorded: if something else got through, the connection is coming back and those are
    // tried again in a moment; if nothing did, the user is still offline, and they are news.
    const tasks = [...sourceTasks, ...probeTasks];
    const held = (await Promise.all(tasks.map((task) => task(wasOffline)))).flatMap(
      (record, index) => (record ? [{ record, task: tasks[index]! }] : []),
    );
    if (held.length > 0 && held.length < tasks.length) {
      await (options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(
        RECONNECT_RETRY_MS,
      );
      await Promise.all(held.map(({ task }) => task(false)));
    } else {
      await Promise.all(held.map(({ record }) => record()));
    }
    // Publish once more even when nothing was due: time alone can make a reading stale.
    return refresh();
  }

  /**
   * When the next check has something to do: the earliest time a status page or probe falls
   * due, at least a minute away and at most CALM_SLEEP_MS. Every minute while anything is
   * wrong, recovering or offline (a verdict then changes with time alone). Between, the worker
   * sleeps: a check wakes it, and a worker woken every minute for nothing cost about 70 ms of
   * CPU each time, 4 s an hour (tests/bench/cpu.mjs).
   */
  async function nextCheckAt(): Promise<number> {
    const now = clock();
    const [providers, reads, probes, events, snapshot] = await Promise.all([
      currentProviders(),
      sourceReads.getValue(),
      probeLog.getValue(),
      fieldEvents.getValue(),
      healthSnapshot.getValue(),
    ]);
    const soon = now + MINUTE;
    const fields = fieldSignals(events, now);
    const troubled = troubledProducts(snapshot, fields, probes);
    const unsettled = snapshot?.services.some((service) => service.calmSince != null);
    if (snapshot?.offline || troubled.size > 0 || unsettled) return soon;
    const watchingChatGpt = watchesChatGpt(await chatGptOpen(), fields[CHATGPT_ID]);
    const attention = (provider: ProviderDefinition) =>
      attentionFor(provider, troubled, watchingChatGpt);
    const dues = providers.flatMap((provider) => [
      ...(provider.sources.length > 0
        ? [
            reads[provider.id]
              ? sourceDueAt(provider, reads[provider.id]!, attention(provider))
              : now,
          ]
        : []),
      ...provider.products
        .filter((product) => product.probe)
        .map((product) => probeDueAt(probes[product.id], attention(provider), now)),
    ]);
    return Math.min(Math.max(soon, Math.min(...dues)), now + CALM_SLEEP_MS);
  }

  return { check, refresh, nextCheckAt };
}

const MINUTE = 60_000;
/** The longest the worker sleeps between checks: a safety net, not a schedule. */
export const CALM_SLEEP_MS = 20 * MINUTE;

/**
 * When a status page is next due: its stored due time, pulled forward by attention that
 * began after the last read (trouble, a ChatGPT tab opened), so a failing request gets the
 * official word at once; a page that asked us to back off is left alone until it said.
 */
function sourceDueAt(provider: ProviderDefinition, read: SourceRead, attention: Attention) {
  if (isOverloaded(read.error)) return read.nextDueAt;
  return Math.min(
    read.nextDueAt,
    // The same draw as the one that set nextDueAt: the same attention never pulls a read
    // forward, and its jitter holds.
    read.attemptedAt + jittered(sourceInterval(attention, provider.pace), read.attemptedAt),
  );
}

/** When a probe target is next due: now when never probed or the clock went back. */
function probeDueAt(entry: ProbeLogEntry | undefined, attention: Attention, now: number) {
  const last = entry?.results.at(-1)?.at;
  if (last === undefined || last > now + DUE_SLACK_MS) return now;
  return nextProbeDue(last, attention);
}

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
