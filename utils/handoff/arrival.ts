import { browser } from 'wxt/browser';
import { waitingFills } from './pending';
import { originPattern } from './plan';
import { alternativeById } from './request';

/** The arrival script (entrypoints/prompt-arrival.content.ts), as built. */
const ARRIVAL_SCRIPT = '/content-scripts/prompt-arrival.js';
const ARRIVAL_ID = 'prompt-arrival';

// One sync at a time: two at once would both register the script, and the second fail.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Registers the arrival script for the sites that prompts wait for, and unregisters it once
 * none waits (all typed, or expired). A loaded page of such a site then wakes the worker by
 * itself, and no other page does: a `tabs.onUpdated` listener would wake it for every page
 * the user loads anywhere (tests/bench/cpu.mjs prices a wake). For the session only, like the
 * prompts (storage.session). `alsoFor`: a URL whose site is about to get a prompt.
 */
export function syncArrivalScript(now = Date.now(), alsoFor?: string): Promise<void> {
  const run = queue.then(() => sync(now, alsoFor));
  queue = run.catch(() => undefined);
  return run;
}

async function sync(now: number, alsoFor: string | undefined): Promise<void> {
  const sites = [
    ...new Set([
      ...Object.values(await waitingFills(now)).flatMap((entry) => {
        const home = alternativeById(entry.alternativeId)?.homeUrl;
        return home ? [originPattern(home)] : [];
      }),
      ...(alsoFor ? [originPattern(alsoFor)] : []),
    ]),
  ].sort();
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [ARRIVAL_ID] });
  if (registered && [...(registered.matches ?? [])].sort().join() === sites.join()) return;
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [ARRIVAL_ID] });
  if (sites.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: ARRIVAL_ID,
      matches: sites,
      js: [ARRIVAL_SCRIPT],
      runAt: 'document_idle',
      persistAcrossSessions: false,
    },
  ]);
}
