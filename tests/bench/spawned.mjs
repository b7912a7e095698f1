// Headless Chromiums spawned as a user's browser would run, with no DevTools attached (an
// attached worker is never stopped, so it never wakes cold): for the real-time CPU benches.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumFlags } from '../e2e/harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An MV3 extension with this worker: the baselines run one with no code. */
export async function extensionWith(worker = '', permissions = []) {
  const dir = await mkdtemp(join(tmpdir(), 'aor-idle-ext-'));
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'idle',
      version: '1.0',
      permissions,
      background: { service_worker: 'sw.js' },
    }),
  );
  await writeFile(join(dir, 'sw.js'), worker);
  return dir;
}

/** A worker that wakes every minute and does nothing: what Chrome itself spends on a wake. */
export const WAKING_WORKER = `chrome.alarms.onAlarm.addListener(() => {});
chrome.runtime.onInstalled.addListener(() =>
  chrome.alarms.create('wake', { delayInMinutes: 1, periodInMinutes: 1 }));`;

/** Starts Chromium with `extension` in `server`'s world, a DevTools port open, nothing attached. */
export async function start(extension, server) {
  const profile = await mkdtemp(join(tmpdir(), 'aor-cpu-hour-'));
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

/**
 * Closes the first-run tab a fresh install opens (its page would run all along), then lets go.
 * The extension's id, from that tab's address (undefined if none was open).
 */
export async function closeExtensionTabs(endpoint) {
  const browser = await chromium.connectOverCDP(endpoint);
  let id;
  for (const page of browser.contexts().flatMap((context) => context.pages())) {
    if (!page.url().startsWith('chrome-extension://')) continue;
    id = new URL(page.url()).host;
    await page.close();
  }
  await browser.close();
  return id;
}

export async function stop({ child, profile }) {
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
