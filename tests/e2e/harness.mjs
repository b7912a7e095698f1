// Loads the built extension into Debian's Chromium with playwright-core, in the fixture
// world of world.mjs: every status page, probe target and chatgpt.com answered from
// tests/fixtures at their real URLs by a local HTTPS server, and anything else refused, so
// no test touches the internet. The server is up before Chromium starts, so even the
// extension's very first check (on install) is answered by it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startHttpsWorld } from './https-world.mjs';
import { newWorld } from './world.mjs';

export { CHATGPT_PAGE, PROBE_ORIGINS, shiftToNow, STATUS_SOURCES } from './world.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Starts Chromium with the extension in a fresh fixture world. `radar.state` is that world
 * (see newWorld): tests change it to make status pages, probes and ChatGPT fail or recover.
 */
export async function launch({ colorScheme = 'light', locale = 'en-US', world = {} } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'aor-e2e-'));
  // `world` sets scenarios before Chromium starts, so even the install check reads them.
  const state = Object.assign(newWorld(), world);
  const server = await startHttpsWorld(state);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme,
    locale,
    viewport: { width: 1100, height: 720 },
    // Chromium on Linux takes its UI language (and so the extension's) from the environment.
    env: {
      ...process.env,
      LANGUAGE: locale.replace('-', '_'),
      LANG: `${locale.replace('-', '_')}.UTF-8`,
    },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${locale}`,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      ...server.chromiumArgs,
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    state,
    /** Reads a value in the service worker. */
    evaluate: (fn, arg) => worker.evaluate(fn, arg),
    snapshot: () =>
      worker.evaluate(
        async () => (await chrome.storage.local.get('healthSnapshot')).healthSnapshot ?? null,
      ),
    badge: () =>
      worker.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
        title: await chrome.action.getTitle({}),
      })),
    notifications: () => worker.evaluate(() => chrome.notifications.getAll()),
    /**
     * Lets time pass for the schedule: every status page's last read moves `ms` into the past,
     * so the next alarm finds them due, as it would after that long.
     */
    letTimePass: (ms) =>
      worker.evaluate(async (ms) => {
        const { sourceReads = {} } = await chrome.storage.local.get('sourceReads');
        for (const read of Object.values(sourceReads)) {
          read.attemptedAt -= ms;
          read.nextDueAt -= ms;
        }
        await chrome.storage.local.set({ sourceReads });
      }, ms),
    /** Fires the periodic check alarm now, as Chrome would when it is due. */
    fireCheckAlarm: () =>
      worker.evaluate(() =>
        chrome.alarms.create('check', { when: Date.now() + 50, periodInMinutes: 1 }),
      ),
    async openPopup() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    /** Every exchange with the local server, and its bytes. */
    wire: server.wire,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Polls until `read()` satisfies `accept`, or fails with the last value seen. */
export async function waitUntil(
  read,
  accept,
  { timeout = 10_000, interval = 100, what = 'condition' } = {},
) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The state of one product in a snapshot. */
export const stateOf = (snapshot, id) =>
  snapshot?.services.find((service) => service.id === id)?.state;
