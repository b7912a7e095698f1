// Loads the built extension into Debian's Chromium with playwright-core and serves every
// request from fixtures: status.openai.com's real URLs from tests/fixtures, chatgpt.com from
// a small page with a composer, and anything else refused, so no test touches the internet.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION = join(ROOT, '.output/chrome-mv3');
const FIXTURES = join(ROOT, 'tests/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where status.openai.com's machine-readable endpoints live in a fixture folder. */
const STATUS_FILES = {
  '/api/v2/components.json': 'components.json',
  '/api/v2/summary.json': 'summary.json',
  '/proxy/status.openai.com': 'proxy.json',
};

/** The moment the fixtures were captured at: their timestamps are moved so that it is now. */
const FIXTURE_NOW = Date.parse('2025-06-10T14:06:00.000Z');

/** Moves every ISO timestamp of a fixture by the same amount, so an outage began minutes ago. */
export function shiftToNow(body, now = Date.now()) {
  return body.replace(/"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)"/g, (_, iso) =>
    JSON.stringify(new Date(Date.parse(iso) + now - FIXTURE_NOW).toISOString()),
  );
}

/** A ChatGPT-like page: a composer (contenteditable, as chatgpt.com has) and a page button. */
export const CHATGPT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ChatGPT</title>
<style>body{margin:0;font-family:sans-serif;background:#fff;color:#0d0d0d}
main{display:flex;flex-direction:column;height:100vh;align-items:center;justify-content:flex-end}
h1{margin:auto 0 24px;font-weight:500}
form{width:min(720px,90vw);margin-bottom:32px;border:1px solid #ddd;border-radius:24px;padding:12px 16px;display:flex;gap:8px}
#prompt-textarea{flex:1;min-height:24px;outline:none}
@media (prefers-color-scheme: dark){body{background:#212121;color:#ececec}form{border-color:#444}}</style></head>
<body><main><h1>What can I help with?</h1>
<form onsubmit="event.preventDefault()"><div id="prompt-textarea" contenteditable="true"></div>
<button id="send" type="button" onclick="this.dataset.clicks=String(Number(this.dataset.clicks||0)+1)">Send</button></form>
</main></body></html>`;

/**
 * Starts Chromium with the extension and the fixture routes. `state.openai` picks the
 * fixture folder (healthy, outage, hostile) or an object `{ status, body }` for error cases.
 */
export async function launch({ colorScheme = 'light', locale = 'en-US' } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'aor-e2e-'));
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
    ],
  });
  const state = { openai: 'healthy', statusRequests: 0 };

  // Later routes win: this catch-all only answers web requests no fixture route below claims
  // (extension pages are left alone).
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort('blockedbyclient'),
  );
  await context.route('https://status.openai.com/**', async (route) => {
    state.statusRequests += 1;
    const { pathname } = new URL(route.request().url());
    if (typeof state.openai === 'object') {
      return route.fulfill({
        status: state.openai.status,
        contentType: 'text/html',
        body: state.openai.body,
      });
    }
    const file = STATUS_FILES[pathname];
    if (!file)
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
    const body = await readFile(join(FIXTURES, 'openai', state.openai, file), 'utf8').catch(
      () => null,
    );
    if (body === null)
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' });
    return route.fulfill({ status: 200, contentType: 'application/json', body: shiftToNow(body) });
  });
  for (const host of ['https://chatgpt.com/**', 'https://chat.openai.com/**']) {
    await context.route(host, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/' || url.pathname.startsWith('/c/')) {
        return route.fulfill({ status: 200, contentType: 'text/html', body: CHATGPT_PAGE });
      }
      return route.fulfill({ status: 404, body: '' });
    });
  }

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
    async openPopup() {
      const page = await context.newPage();
      await page.setViewportSize({ width: 360, height: 600 });
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async close() {
      await context.close();
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
