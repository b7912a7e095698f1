// Loads the built extension into Debian's Chromium with playwright-core, in the fixture
// world of world.mjs: every status page, probe target and chatgpt.com answered from
// tests/fixtures at their real URLs by a local HTTPS server, and anything else refused, so
// no test touches the internet. The server is up before Chromium starts, so even the
// extension's very first check (on install) is answered by it.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startHttpsWorld } from './https-world.mjs';
import { waitUntil } from './wait.mjs';
import { newWorld } from './world.mjs';

export { CHATGPT_PAGE, PROBE_ORIGINS, shiftToNow, STATUS_SOURCES } from './world.mjs';
export { stateOf, waitUntil } from './wait.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Starts Chromium with the extension in a fresh fixture world. `radar.state` is that world
 * (see newWorld): tests change it to make status pages, probes and ChatGPT fail or recover.
 */
export async function launch({
  colorScheme = 'light',
  locale = 'en-US',
  world = {},
  extension = EXTENSION,
} = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'aor-e2e-'));
  // `world` sets scenarios before Chromium starts, so even the install check reads them.
  const state = Object.assign(newWorld(), world);
  const server = await startHttpsWorld(state);
  let context;
  let browserPid;
  // Ends this browser for good, then its server and profile (see endBrowser); run on close,
  // and on a launch that fails half-way, whose open server would keep the process alive.
  const tearDown = async () => {
    try {
      await context?.close().catch(() => undefined);
      if (browserPid) await endBrowser(browserPid);
    } finally {
      await server.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    }
  };
  try {
    context = await startChromium(profile, { colorScheme, locale, extension, server });
    browserPid = browserProcessOf(profile);
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker');
    return radarOf({ context, worker, state, server, browserPid, close: tearDown });
  } catch (error) {
    await tearDown();
    throw error;
  }
}

/**
 * The flags every Chromium of the tests starts with: `extension` loaded (and no other), and
 * nothing of the browser's own talking to the network (the fixture world is all it reaches).
 */
export function chromiumFlags(extension) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
  ];
}

function startChromium(profile, { colorScheme, locale, extension, server }) {
  return chromium.launchPersistentContext(profile, {
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
    args: [...chromiumFlags(extension), `--lang=${locale}`, ...server.chromiumArgs],
  });
}

/**
 * The pid of the Chromium this process launched on `profile` (Playwright spawns it as its
 * own process group leader; Debian's /usr/bin/chromium execs the binary). Undefined if not
 * found: the close then trusts Playwright alone.
 */
function browserProcessOf(profile) {
  let children;
  try {
    children = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    });
  } catch {
    return undefined;
  }
  const line = children.split('\n').find((row) => row.includes(`--user-data-dir=${profile}`));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

/**
 * Waits until every process of the browser's group has exited, killing what is left after
 * 10 s. Playwright calls a context closed as soon as its pipe to the browser closes: when the
 * browser ended abruptly (a crash, a signal), its network and storage services were still
 * writing into the profile then, and removing it failed with ENOTEMPTY.
 */
async function endBrowser(pgid) {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      if (error.code === 'ESRCH') return false;
      throw error;
    }
  };
  const gone = async (ms) => {
    const deadline = Date.now() + ms;
    while (alive()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  };
  if (await gone(10_000)) return;
  process.kill(-pgid, 'SIGKILL');
  if (!(await gone(5_000))) throw new Error(`Chromium (process group ${pgid}) would not exit`);
}

function radarOf({ context, worker: serviceWorker, state, server, browserPid, close }) {
  const extensionId = new URL(serviceWorker.url()).host;
  /**
   * Starts the worker if Chrome (or a test) has stopped it. The worker sleeps until a page or
   * probe falls due, up to 20 min, and an evaluate in a stopped worker waits for it to run.
   */
  const wake = async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    try {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.startWorker', {
        scopeURL: `chrome-extension://${extensionId}/`,
      });
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };
  /** Evaluates in the worker, waking it when the call has not run within a second. */
  const worker = {
    url: () => serviceWorker.url(),
    evaluate(fn, arg) {
      const run = serviceWorker.evaluate(fn, arg);
      let timer;
      const stalled = new Promise((resolve) => {
        timer = setTimeout(resolve, 1_000);
      }).then(() => wake());
      void stalled.catch(() => undefined);
      return run.finally(() => globalThis.clearTimeout(timer));
    },
  };
  return {
    context,
    worker,
    /** The browser's own process (its renderers and helpers are its descendants). */
    browserPid,
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
     * The services the worker told the user of trouble about, from its own record
     * (`notificationLog`): Chromium closes a shown notification by itself after about 8 s, so
     * an empty `notifications()` alone does not prove none was raised.
     */
    told: () =>
      worker.evaluate(async () => {
        const { notificationLog = {} } = await chrome.storage.local.get('notificationLog');
        return Object.keys(notificationLog).filter((id) => notificationLog[id]?.troubleAt);
      }),
    /**
     * Lets time pass for the schedule: every status page's last read moves `ms` into the past,
     * so the next alarm finds them due, as it would after that long. First waits for what the
     * worker reads and probes to rest (a check stores its results together when the last lands,
     * and one still under way would write its reads back over the moved ones).
     */
    letTimePass: async (ms) => {
      const stored = () =>
        worker.evaluate(async () =>
          JSON.stringify(await chrome.storage.local.get(['sourceReads', 'probeLog'])),
        );
      let last = await stored();
      for (let quiet = 0, polls = 0; quiet < 8 && polls < 120; polls++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const now = await stored();
        quiet = now === last ? quiet + 1 : 0;
        last = now;
      }
      await worker.evaluate(async (ms) => {
        const { sourceReads = {} } = await chrome.storage.local.get('sourceReads');
        for (const read of Object.values(sourceReads)) {
          read.attemptedAt -= ms;
          read.nextDueAt -= ms;
        }
        await chrome.storage.local.set({ sourceReads });
      }, ms);
    },
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
    /**
     * Closes the browser and waits for all of it to exit, then stops the server and removes
     * the profile; each step runs whatever became of the one before (a browser that has
     * already gone, say), so nothing is left running or on disk.
     */
    close,
  };
}

/**
 * Clicks Send on the fixture ChatGPT page `times` times, each time waiting for the app's own
 * request to come back with `status` (ChatGPT's backend answers what `state.chatgptApi` says).
 */
export async function sendFromChatGpt(page, times, status = '503') {
  const send = page.locator('#send');
  for (let attempt = 0; attempt < times; attempt++) {
    await send.click();
    await waitUntil(
      () => send.getAttribute('data-last'),
      (last) => last === status,
      { what: `request ${attempt + 1} answered ${status}` },
    );
    await send.evaluate((button) => delete button.dataset.last);
  }
}

// The banner lives in a closed shadow root: page script, and so Playwright's locators, cannot
// reach into it. The DevTools protocol can: these helpers find the banner's shadow root with
// CDP (`DOM.describeNode` with `pierce`) and read or click inside it, without leaving any
// handle where the page could pick it up.

/** The tag of the banner's shadow host, the only part of it in the page's DOM. */
export const BANNER_HOST = 'ai-outage-radar-banner';

const cdpSessions = new WeakMap();
async function cdpOf(page) {
  if (!cdpSessions.has(page)) cdpSessions.set(page, page.context().newCDPSession(page));
  return cdpSessions.get(page);
}

/**
 * A CDP object id for the banner's (closed) shadow root; null while there is no banner. Two
 * banners on one page is a failure of its own: they sit one on top of the other, so a click
 * reaches the top one while this would read the first.
 */
async function bannerRoot(page) {
  const cdp = await cdpOf(page);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `(() => {
      const hosts = document.querySelectorAll(${JSON.stringify(BANNER_HOST)});
      return hosts.length > 1 ? hosts.length : hosts[0];
    })()`,
  });
  if (typeof result.value === 'number')
    throw new Error(`${result.value} banners on the page, one on top of the other`);
  if (!result.objectId) return null;
  const { node } = await cdp.send('DOM.describeNode', {
    objectId: result.objectId,
    depth: 0,
    pierce: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) return null;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  return object.objectId;
}

/**
 * Runs `fn(element, arg)` on every element matching `selector` inside the banner's shadow
 * root and returns the results (an empty array when there is no banner). `fn` is sent as
 * source: it sees no variables of the test.
 */
export async function inBanner(page, selector, fn = (element) => element.innerText, arg) {
  const root = await bannerRoot(page);
  if (!root) return [];
  const cdp = await cdpOf(page);
  try {
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: root,
      functionDeclaration: `function (selector, arg) {
        const fn = (${fn.toString()});
        return [...this.querySelectorAll(selector)].map((element) => fn(element, arg));
      }`,
      arguments: [{ value: selector }, { value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`inBanner(${selector}): ${exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: root }).catch(() => undefined);
  }
}

/** The banner's text as the user sees it (`innerText` of `.banner`), or null when none. */
export async function bannerText(page) {
  return (await inBanner(page, '.banner'))[0] ?? null;
}

/** How many elements inside the banner match `selector`. */
export async function bannerCount(page, selector) {
  return (await inBanner(page, selector, () => 1)).length;
}

/** [text, href] of each link inside the banner that matches `selector`. */
export function bannerLinks(page, selector = 'a') {
  return inBanner(page, selector, (link) => [link.textContent, link.getAttribute('href')]);
}

/** Waits until the banner shows (its `.banner` is rendered) and returns its text. */
export function waitForBanner(page, { timeout = 5_000 } = {}) {
  return waitUntil(
    () => bannerText(page),
    (text) => text !== null,
    { timeout, what: 'the banner' },
  );
}

/** Waits until something inside the banner matches `selector`. */
export function waitInBanner(page, selector, { timeout = 5_000 } = {}) {
  return waitUntil(
    () => bannerCount(page, selector),
    (count) => count > 0,
    { timeout, what: `${selector} in the banner` },
  );
}

/**
 * The centre of the first element matching `selector` inside the banner, in viewport CSS
 * pixels, after scrolling it into view; null when there is none.
 */
export async function bannerPoint(page, selector) {
  const root = await bannerRoot(page);
  if (!root) return null;
  const cdp = await cdpOf(page);
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: root,
    functionDeclaration: 'function (selector) { return this.querySelector(selector); }',
    arguments: [{ value: selector }],
  });
  await cdp.send('Runtime.releaseObject', { objectId: root });
  if (!result.objectId) return null;
  try {
    await cdp.send('DOM.scrollIntoViewIfNeeded', { objectId: result.objectId });
    const { quads } = await cdp.send('DOM.getContentQuads', { objectId: result.objectId });
    const quad = quads[0];
    if (!quad) return null;
    const xs = [quad[0], quad[2], quad[4], quad[6]];
    const ys = [quad[1], quad[3], quad[5], quad[7]];
    return {
      x: (Math.min(...xs) + Math.max(...xs)) / 2,
      y: (Math.min(...ys) + Math.max(...ys)) / 2,
    };
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  }
}

/**
 * Clicks the first element matching `selector` inside the banner as a user does: a real
 * mouse click at its centre, so the banner receives a trusted event.
 */
export async function clickInBanner(page, selector, { timeout = 5_000 } = {}) {
  await waitInBanner(page, selector, { timeout });
  const point = await bannerPoint(page, selector);
  if (!point) throw new Error(`${selector} in the banner has no box to click`);
  await page.mouse.click(point.x, point.y);
}
