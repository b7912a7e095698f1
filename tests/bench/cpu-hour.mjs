// The extension's CPU over real time, from outside: headless Chromiums started together in the
// same fixture world, two with the built extension and two with an extension that does nothing
// (a service worker with no code), and the CPU time of each whole process tree over the same
// minutes. The difference is what the extension costs while all is well, on its own schedule,
// with no ChatGPT tab: its worker waking when a page or probe falls due, as Chrome stops and
// starts it. No DevTools stays attached (an attached worker is never stopped). The gap between
// the two baselines is the measurement's own noise.
//
// Each wake is counted as Chrome makes it: a new extension renderer process (Chrome ends the
// worker's process once the worker has idled 30 s, and starts one for the next event). Its CPU
// is the worker's side of the wake; the rest is the browser process, the network service and
// storage. A fifth browser, with a worker that wakes every minute on an alarm and does nothing,
// gives Chrome's own cost of a wake.
//
//   node tests/bench/cpu-hour.mjs [minutes, default 30]   (after `npx wxt build`)
//
// Slow by nature (real minutes), so not part of `npm run bench`, whose `cpuPerCalmHour` prices
// the same hour from the replay's count of wakes and requests.
import { rm, writeFile } from 'node:fs/promises';
import { EXTENSION } from '../e2e/harness.mjs';
import { startHttpsWorld } from '../e2e/https-world.mjs';
import { newWorld } from '../e2e/world.mjs';
import { processTrees } from './cpu.mjs';
import { closeExtensionTabs, extensionWith, start, stop, WAKING_WORKER } from './spawned.mjs';

const MINUTES = Number(process.argv[2] ?? 30);
/** The build measured: `.output/chrome-mv3`, or a copy (a rebuild meanwhile would change it). */
const MEASURED = process.env.CPU_HOUR_EXTENSION || EXTENSION;
/** Past the first check after install (every page and probe) and the first-run page. */
const SETTLE_MS = Number(process.env.CPU_HOUR_SETTLE_S ?? 180) * 1000;
const SAMPLE_MS = 2_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const server = await startHttpsWorld(newWorld());
const idle = await extensionWith();
const waking = await extensionWith(WAKING_WORKER, ['alarms']);
const browsers = {
  ours: await start(MEASURED, server),
  ours2: await start(MEASURED, server),
  baseline: await start(idle, server),
  baseline2: await start(idle, server),
  floor: await start(waking, server),
};
const OURS = ['ours', 'ours2'];
const BASELINES = ['baseline', 'baseline2'];
const names = Object.keys(browsers);
const roots = names.map((name) => browsers[name].child.pid);
/** Per browser: CPU by kind, and each extension renderer (one per wake) with its CPU. */
function sample() {
  const trees = processTrees(roots);
  return Object.fromEntries(
    names.map((name, index) => {
      const tree = trees.get(roots[index]);
      const byKind = {};
      for (const { kind, seconds } of tree) byKind[kind] = (byKind[kind] ?? 0) + seconds;
      const workers = tree.filter((process) => process.kind === 'renderer:extension');
      return [name, { total: tree.reduce((sum, p) => sum + p.seconds, 0), byKind, workers }];
    }),
  );
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const round = (value, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

try {
  await sleep(15_000);
  for (const name of names) await closeExtensionTabs(browsers[name].endpoint);
  await sleep(SETTLE_MS);
  const first = sample();
  const requestsBefore = server.wire.length;
  // Each extension renderer seen, by browser: its last CPU reading. Those alive at the start
  // (a wake under way) are left out of the wakes.
  const workers = Object.fromEntries(names.map((name) => [name, new Map()]));
  const aliveAtStart = new Set(names.flatMap((name) => first[name].workers.map((w) => w.pid)));
  const samples = [];
  let last = first;
  const end = Date.now() + MINUTES * 60_000;
  while (Date.now() < end) {
    const from = Date.now();
    await sleep(Math.min(SAMPLE_MS, end - from));
    const now = sample();
    for (const name of names) {
      for (const worker of now[name].workers) {
        if (!aliveAtStart.has(worker.pid)) workers[name].set(worker.pid, worker.seconds);
      }
    }
    const requests = server.wire.filter(
      (entry) => entry.at >= from && entry.at < Date.now(),
    ).length;
    samples.push({
      from,
      requests,
      ...Object.fromEntries(names.map((n) => [n, round(now[n].total - last[n].total)])),
    });
    last = now;
  }
  const perHour = (seconds) => round((seconds * 60) / MINUTES);
  const spent = (name) => last[name].total - first[name].total;
  const kindSpent = (name, kind) =>
    (last[name].byKind[kind] ?? 0) - (first[name].byKind[kind] ?? 0);
  const baseline = mean(BASELINES.map(spent));
  const baselineKind = (kind) => mean(BASELINES.map((name) => kindSpent(name, kind)));
  /** One browser's wakes and what each cost, against the baselines over the same minutes. */
  const wakesOf = (name) => {
    const count = workers[name].size;
    const perWake = (seconds) => (count ? round((seconds * 1000) / count, 0) : null);
    return {
      secondsPerHour: perHour(spent(name) - baseline),
      wakesPerHour: round((count * 60) / MINUTES, 1),
      msPerWake: perWake(spent(name) - baseline),
      workerProcessMsPerWake: perWake([...workers[name].values()].reduce((a, b) => a + b, 0)),
      browserProcessMsPerWake: perWake(kindSpent(name, 'browser') - baselineKind('browser')),
      networkServiceMsPerWake: perWake(
        kindSpent(name, 'utility:network.mojom.NetworkService') -
          baselineKind('utility:network.mojom.NetworkService'),
      ),
    };
  };
  if (process.env.CPU_HOUR_TRACE)
    await writeFile(process.env.CPU_HOUR_TRACE, JSON.stringify(samples));
  const ours = Object.fromEntries(OURS.map((name) => [name, wakesOf(name)]));
  console.log(JSON.stringify({ ours, floor: wakesOf('floor') }));
  console.log(
    JSON.stringify({
      minutes: MINUTES,
      baselineSecondsPerHour: perHour(baseline),
      noiseBetweenBaselines: perHour(spent('baseline2') - spent('baseline')),
      extensionSecondsPerHour: perHour(mean(OURS.map(spent)) - baseline),
      extensionWakesPerHour: round(mean(OURS.map((name) => ours[name].wakesPerHour)), 1),
      requestsPerHour: Math.round(
        ((server.wire.length - requestsBefore) * 60) / MINUTES / OURS.length,
      ),
      chromeMsPerEmptyWake: wakesOf('floor').msPerWake,
    }),
  );
} finally {
  await Promise.all(names.map((name) => stop(browsers[name])));
  await server.close();
  await Promise.all([idle, waking].map((dir) => rm(dir, { recursive: true, force: true })));
}
