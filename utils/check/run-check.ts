import { browser } from 'wxt/browser';
import type { ProviderDefinition } from '../catalog/types';
import { CHATGPT_ID } from '../catalog';
import { CHATGPT_MATCHES } from '../catalog/openai-sites';
import { providersFor } from '../custom-pages/providers';
import { fieldSignals } from '../field/window';
import { probeTarget } from '../probes/probe';
import { recordProbe } from '../probes/probe-log';
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
} from '../cadence/cadence';
import { publishSnapshot } from './publish';
import { recordRead } from '../sources/reads';
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
        // Attention that began after the last read (trouble, a ChatGPT tab opened) pulls the
        // next one forward, so a failing request gets the official word within a minute, not
        // five; a page that asked us to back off is left alone until it said.
        const due = isOverloaded(read.error)
          ? read.nextDueAt
          : Math.min(
              read.nextDueAt,
              // The same draw as the one that set nextDueAt: the same attention never pulls
              // a read forward, and its jitter holds.
              read.attemptedAt +
                jittered(sourceInterval(attention(provider), provider.pace), read.attemptedAt),
            );
        return due <= now + DUE_SLACK_MS;
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
        .filter((product) => {
          const last = probes[product.id]?.results.at(-1)?.at;
          const clockWentBack = last !== undefined && last > now + DUE_SLACK_MS;
          const due =
            last === undefined || clockWentBack ? 0 : nextProbeDue(last, attention(provider));
          return force || due <= now + DUE_SLACK_MS;
        })
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

  return { check, refresh };
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
