// Inside a wake: the CPU of one check, measured from outside (the CPU time of the whole
// browser, every process of its tree and the children it has reaped) over a window in which
// the check runs, minus the same window with nothing to do. Run alone (`node
// tests/bench/cpu.mjs`) or from `npm run bench`. Numbers to read, not assertions.
//
// DevTools stays attached here, so Chrome keeps the worker's process: these windows leave out
// Chrome starting and ending that process, which every real wake pays (tests/bench/wake.mjs
// measures real wakes, and prices the calm hour). A check comes in three kinds:
// - cold: the worker stopped (DevTools stops it), started again (its modules evaluated) before
//   the check runs;
// - warm: the worker is still up (a check less than 30 s after another event);
// - with reads: the status pages and probes that are due are read, parsed and stored; the
//   local server counts the requests. The connections are warm here (a check every few
//   seconds), cheaper than a real wake's, made 20 minutes after the last.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch, waitUntil } from '../e2e/harness.mjs';

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const WINDOW_MS = 2_500;
const ROUNDS = 12;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a Chromium process is, from its command line: browser, renderer, a utility's service. */
function kindOf(pid) {
  let args;
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/); // Chromium rewrites its argv as one line
  } catch {
    return 'gone';
  }
  const flag = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const type = flag('type') ?? 'browser';
  if (type === 'utility') return `utility:${flag('utility-sub-type') ?? '?'}`;
  if (type === 'renderer' && args.includes('--extension-process')) return 'renderer:extension';
  return type;
}

/**
 * The processes of each tree rooted at `roots`, with their kind and CPU seconds, counting the
 * children each reaped (a renderer that ended is counted in its zygote's from then on). One
 * pass over /proc for all of them.
 */
export function processTrees(roots) {
  const parent = new Map();
  const own = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15).
      parent.set(Number(entry), Number(fields[1]));
      own.set(
        Number(entry),
        (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS,
      );
    } catch {
      // The process ended meanwhile.
    }
  }
  const trees = new Map(roots.map((root) => [root, []]));
  for (const [pid, seconds] of own) {
    for (let at = pid; at > 1; at = parent.get(at) ?? 0) {
      if (trees.has(at)) {
        trees.get(at).push({ pid, kind: kindOf(pid), seconds });
        break;
      }
    }
  }
  return trees;
}

/** CPU seconds of `root` and all its descendants, with the children they reaped. */
export function treeCpu(root) {
  return processTrees([root])
    .get(root)
    .reduce((sum, process) => sum + process.seconds, 0);
}

async function stopWorker(radar) {
  const page = radar.context.pages()[0] ?? (await radar.context.newPage());
  const cdp = await radar.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/**
 * Makes every status page and probe due, as an hour and a half passing would: run in an
 * extension page (`page.evaluate`), so the worker is not woken for it.
 */
export async function makeEverythingDue() {
  const { sourceReads = {}, probeLog = {} } = await chrome.storage.local.get([
    'sourceReads',
    'probeLog',
  ]);
  // Longer than any calm interval with its jitter, and than an hourly page's wait for a wake.
  for (const read of Object.values(sourceReads)) {
    read.attemptedAt -= 90 * 60_000;
    read.nextDueAt -= 90 * 60_000;
  }
  for (const entry of Object.values(probeLog))
    for (const result of entry.results) result.at -= 90 * 60_000;
  await chrome.storage.local.set({ sourceReads, probeLog });
}

/**
 * An extension page kept open (in every window, idle ones too, so it cancels out) from which
 * the alarm is set as the worker would: the harness's own calls go through the worker, which
 * is what a cold check must not have running.
 */
async function extensionPage(radar) {
  const page = await radar.context.newPage();
  await page.goto(`chrome-extension://${radar.extensionId}/welcome.html`);
  return {
    fireCheckAlarm: () =>
      page.evaluate(() =>
        chrome.alarms.create('check', { when: Date.now() + 50, periodInMinutes: 1 }),
      ),
    /** Makes every status page and probe due, as an hour and a half passing would. */
    makeDue: () => page.evaluate(makeEverythingDue),
  };
}

/**
 * Mean CPU ms of one window in which `act` runs, over ROUNDS rounds, and the mean number of
 * requests the extension made in it (status pages and probes, as the local server saw them).
 */
async function perWindow(radar, act) {
  let total = 0;
  let requests = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await act.before?.();
    await sleep(500);
    const before = treeCpu(radar.browserPid);
    const seen = radar.wire.length;
    await act.run?.();
    await sleep(WINDOW_MS);
    total += treeCpu(radar.browserPid) - before;
    requests += radar.wire.length - seen;
  }
  return { ms: (1_000 * total) / ROUNDS, requests: requests / ROUNDS };
}

export async function measureCpu() {
  const radar = await launch();
  try {
    await waitUntil(radar.snapshot, (s) => s?.services.every((x) => x.state === 'operational'), {
      what: 'every service operational',
      timeout: 20_000,
    });
    const page = await extensionPage(radar);
    await sleep(3_000);
    const idle = await perWindow(radar, {});
    const warm = await perWindow(radar, { run: page.fireCheckAlarm });
    const cold = await perWindow(radar, {
      before: () => stopWorker(radar),
      run: page.fireCheckAlarm,
    });
    const withReads = await perWindow(radar, {
      before: async () => {
        await page.makeDue();
        await stopWorker(radar);
      },
      run: page.fireCheckAlarm,
    });
    const ms = (value) => Math.round(Math.max(0, value) * 10) / 10;
    return {
      method: `whole browser's CPU over ${WINDOW_MS / 1000} s windows, minus an idle window; mean of ${ROUNDS}`,
      idleWindowMs: ms(idle.ms),
      coldCheckMs: ms(cold.ms - idle.ms),
      warmCheckMs: ms(warm.ms - idle.ms),
      coldCheckWithReadsMs: ms(withReads.ms - idle.ms),
      requestsInThatCheck: withReads.requests,
      perRequestMs: ms((withReads.ms - cold.ms) / withReads.requests),
    };
  } finally {
    await radar.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await measureCpu());
