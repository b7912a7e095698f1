// What one wake of the worker costs, as a user's Chrome makes it: Chrome has ended the idle
// worker's process, the check alarm comes, Chrome starts a process and the worker in it, the
// check runs, and 30 s after it the worker stops and its process ends. Measured from outside
// over that whole span (the CPU of the browser's process tree, minus a browser with an
// extension that does nothing, over the same seconds), with no DevTools attached while it runs.
//
// Two kinds, alternating: a wake where every status page and probe is due (a calm wake: all of
// them fall due together), and one where nothing is (the same wake without its requests). The
// local server drops its open connections before each, as 20 minutes would. The
// alarm is set from an extension page that is closed, and DevTools let go, before the worker
// stops: what follows is Chrome's own doing.
//
// Run alone (`node tests/bench/wake.mjs`) or from `npm run bench`. Numbers to read, not
// assertions; tests/bench/cpu-hour.mjs measures whole hours the same way.
import { chromium } from 'playwright-core';
import { EXTENSION } from '../e2e/harness.mjs';
import { startHttpsWorld } from '../e2e/https-world.mjs';
import { newWorld } from '../e2e/world.mjs';
import { makeEverythingDue, processTrees } from './cpu.mjs';
import { closeExtensionTabs, extensionWith, start, stop } from './spawned.mjs';
import { rm } from 'node:fs/promises';

const ROUNDS = Number(process.env.WAKE_ROUNDS ?? 3);
/** When the alarm comes after the page that set it closed: the worker has stopped by then. */
const ALARM_AFTER_MS = 60_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU seconds of each tree, and whether `ours` has an extension process alive. */
function look(ours, baseline) {
  const trees = processTrees([ours, baseline]);
  const sum = (tree) => tree.reduce((total, process) => total + process.seconds, 0);
  return {
    ours: sum(trees.get(ours)),
    baseline: sum(trees.get(baseline)),
    workerAlive: trees.get(ours).some((process) => process.kind === 'renderer:extension'),
  };
}

/** Waits until the extension has no process left (the worker stopped, its process ended). */
async function untilNoWorker(ours, baseline, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs;
  while (look(ours, baseline).workerAlive) {
    if (Date.now() > end) throw new Error('the worker never stopped');
    await sleep(1_000);
  }
}

/**
 * Sets the check alarm (and, for a wake with reads, makes every page and probe due, as an hour
 * and a half passing would) from an extension page, then closes it and lets DevTools go.
 */
async function armWake(endpoint, extensionId, { due }) {
  const browser = await chromium.connectOverCDP(endpoint);
  const page = await browser.contexts()[0].newPage();
  await page.goto(`chrome-extension://${extensionId}/welcome.html`);
  if (due) await page.evaluate(makeEverythingDue);
  const at = await page.evaluate(async (after) => {
    const when = Date.now() + after;
    await chrome.alarms.create('check', { when, periodInMinutes: 25 });
    return when;
  }, ALARM_AFTER_MS);
  await page.close();
  await browser.close();
  return at;
}

export async function measureWakes() {
  const server = await startHttpsWorld(newWorld());
  const idle = await extensionWith();
  const ours = await start(EXTENSION, server);
  const baseline = await start(idle, server);
  const pids = [ours.child.pid, baseline.child.pid];
  try {
    await sleep(10_000);
    const extensionId = await closeExtensionTabs(ours.endpoint);
    await closeExtensionTabs(baseline.endpoint);
    if (!extensionId) throw new Error('no first-run tab told the extension id');
    const rounds = { due: [], nothingDue: [] };
    for (let round = 0; round < 2 * ROUNDS; round++) {
      const due = round % 2 === 0;
      await untilNoWorker(...pids);
      const at = await armWake(ours.endpoint, extensionId, { due });
      await untilNoWorker(...pids);
      // The page may have woken the worker: its process must be gone before the alarm.
      if (Date.now() > at - 3_000)
        throw new Error('the worker outlived the page that set its alarm');
      await sleep(at - 3_000 - Date.now() - 2_000);
      // A calm wake comes 20 minutes after the last: no connection of the last one is left.
      server.dropConnections();
      await sleep(2_000);
      const before = look(...pids);
      const seen = server.wire.length;
      // The wake, its check, the worker's 30 s idle, its process ended.
      while (!look(...pids).workerAlive && Date.now() < at + 20_000) await sleep(500);
      await untilNoWorker(...pids);
      await sleep(2_000);
      const after = look(...pids);
      (due ? rounds.due : rounds.nothingDue).push({
        ms: 1_000 * (after.ours - before.ours - (after.baseline - before.baseline)),
        requests: server.wire.length - seen,
      });
    }
    const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
    const round = (value) => Math.round(value);
    const dueMs = mean(rounds.due, 'ms');
    const nothingMs = mean(rounds.nothingDue, 'ms');
    const requests = mean(rounds.due, 'requests');
    return {
      method: `a real wake (Chrome starts the worker's process, the check, the process ends), whole browser's CPU minus a browser with an idle extension; mean of ${ROUNDS}`,
      wakeWithReadsMs: round(dueMs),
      requestsInThatWake: requests,
      wakeWithNothingDueMs: round(nothingMs),
      perRequestMs: Math.round(((dueMs - nothingMs) / requests) * 10) / 10,
      rounds,
    };
  } finally {
    await Promise.all([stop(ours), stop(baseline)]);
    await server.close();
    await rm(idle, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureWakes(), null, 2));
}
