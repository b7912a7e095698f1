// The extension's CPU over real time, from outside: two headless Chromiums started together in
// the same fixture world, one with the built extension and one with an extension that does
// nothing (a service worker with no code), and the CPU time of each whole process tree over
// the same minutes. The difference is what the extension costs while all is well, on its own
// schedule, with no ChatGPT tab: its worker waking when a page or probe falls due, as Chrome
// stops and starts it. No DevTools stays attached (an attached worker is never stopped).
//
//   node tests/bench/cpu-hour.mjs [minutes, default 30]   (after `npx wxt build`)
//
// Slow by nature (real minutes), so not part of `npm run bench`, whose `cpuPerCalmHour` prices
// the same hour from per-check measurements and the replay's count of wakes.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumFlags, EXTENSION } from '../e2e/harness.mjs';
import { startHttpsWorld } from '../e2e/https-world.mjs';
import { newWorld } from '../e2e/world.mjs';
import { treeCpu } from './cpu.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MINUTES = Number(process.argv[2] ?? 30);
/** Past the first check after install (every page and probe) and the first-run page. */
const SETTLE_MS = 3 * 60_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An MV3 extension whose worker has no code: the baseline's browser runs one too. */
async function idleExtension() {
  const dir = await mkdtemp(join(tmpdir(), 'aor-idle-ext-'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'idle',
      version: '1.0',
      background: { service_worker: 'sw.js' },
    }),
  );
  await writeFile(join(dir, 'sw.js'), '');
  return dir;
}

/** Starts Chromium with `extension`, a DevTools port for the first-run tab, nothing attached. */
async function start(extension, server) {
  const profile = await mkdtemp(join(tmpdir(), 'aor-cpu-hour-'));
  await mkdir(profile, { recursive: true });
  const child = spawn(
    CHROMIUM,
    [
      '--headless',
      ...chromiumFlags(extension),
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      ...server.chromiumArgs,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error('Chromium exited before it listened')));
  });
  return { child, profile, endpoint };
}

/** Closes the first-run tab a fresh install opens (its page would run all along), then lets go. */
async function closeExtensionTabs(endpoint) {
  const browser = await chromium.connectOverCDP(endpoint);
  for (const page of browser.contexts().flatMap((context) => context.pages())) {
    if (page.url().startsWith('chrome-extension://')) await page.close();
  }
  await browser.close();
}

async function stop({ child, profile }) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Gone already.
  }
  await sleep(2_000);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone.
  }
  await rm(profile, { recursive: true, force: true, maxRetries: 5 });
}

const server = await startHttpsWorld(newWorld());
const idle = await idleExtension();
const ours = await start(EXTENSION, server);
const baseline = await start(idle, server);
try {
  await sleep(15_000);
  await closeExtensionTabs(ours.endpoint);
  await closeExtensionTabs(baseline.endpoint);
  await sleep(SETTLE_MS);
  const before = { ours: treeCpu(ours.child.pid), baseline: treeCpu(baseline.child.pid) };
  const requestsBefore = server.wire.length;
  await sleep(MINUTES * 60_000);
  const spent = {
    ours: treeCpu(ours.child.pid) - before.ours,
    baseline: treeCpu(baseline.child.pid) - before.baseline,
  };
  const perHour = (seconds) => Math.round(((seconds * 60) / MINUTES) * 1000) / 1000;
  console.log(
    JSON.stringify({
      minutes: MINUTES,
      withExtensionSecondsPerHour: perHour(spent.ours),
      baselineSecondsPerHour: perHour(spent.baseline),
      extensionSecondsPerHour: perHour(spent.ours - spent.baseline),
      requestsPerHour: Math.round(((server.wire.length - requestsBefore) * 60) / MINUTES),
    }),
  );
} finally {
  await Promise.all([stop(ours), stop(baseline)]);
  await server.close();
  await rm(idle, { recursive: true, force: true });
}
