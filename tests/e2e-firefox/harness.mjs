// Loads the Firefox build (.output/firefox-mv2) into Debian's firefox-esr with puppeteer-core
// over WebDriver BiDi, in the same fixture world as the Chromium tests (../e2e/world.mjs):
// a local HTTPS server answers every status page, probe target and chatgpt.com from
// tests/fixtures at their real URLs. Firefox cannot map host names as Chromium does, so its
// manual-proxy prefs send every request to a local CONNECT proxy that tunnels it to that
// server, which answers as the host asked for or refuses it: no test touches the internet.
// Both are up before Firefox starts, so even the extension's first check (on install) is
// answered by them. acceptInsecureCerts lets Firefox take the throwaway certificate.
//
// The extension's state is read from its popup page (moz-extension://<uuid>/popup.html),
// which has the same `browser.*` APIs as the MV2 background page.
//
// Firefox ESR 140 (the manifest's strict_min_version) must pass as well as Debian's current
// ESR (153). What 140's WebDriver BiDi does differently, and what the harness does instead:
// - Code that BiDi runs in a page still obeys the page's Content Security Policy (later
//   Firefox exempts it: bug 1941780), and an extension page's (script-src 'self') blocks eval
//   and new Function there ("call to Function() blocked by CSP"). puppeteer's
//   page.waitForFunction and its locators build their pollers with new Function in the page,
//   so on 140 they fail at once on the popup ("Waiting failed"): wait with waitInPage, and
//   click what waitForSelector found (it runs in puppeteer's sandbox, not the page).
//   page.evaluate is fine: it hands Firefox the function itself.
// - page.setViewport also sends emulation.setScreenOrientationOverride, which Firefox has
//   only from 144 on: use setViewport below.
// The lint config forbids those puppeteer calls in this folder. Prove a change on both:
//   FIREFOX_PATH=/path/to/firefox-esr-140 npm run test:e2e:firefox
/* global browser */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startConnectProxy, startHttpsWorld } from '../e2e/https-world.mjs';
import { stateOf, waitUntil as waitUntilIn } from '../e2e/wait.mjs';
import { newWorld } from '../e2e/world.mjs';

export { stateOf };

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION = join(ROOT, '.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const GECKO_ID = 'ai-outage-radar@outage-radar.app';
/** Generous: a 2-core machine running Firefox can be slow. */
export const TIMEOUT = 60_000;

/** Prefs that keep Firefox itself quiet: no updates, telemetry, remote settings, probes. */
const OFFLINE_PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'browser.discovery.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.page': 0,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': 'http://127.0.0.1:1',
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'network.http.http3.enable': false,
  'network.trr.mode': 5,
  // Firefox's own alert windows for notifications: a CI machine has no desktop to show them.
  'alerts.useSystemBackend': false,
};

/**
 * Starts firefox-esr with the extension in a fresh fixture world. `radar.state` is that world
 * (see newWorld in ../e2e/world.mjs): tests change it to make pages fail or recover.
 */
export async function launch({ world = {} } = {}) {
  const state = Object.assign(newWorld(), world);
  const server = await startHttpsWorld(state);
  const proxy = await startConnectProxy(server.port);
  const uuid = randomUUID();
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    // WebDriver BiDi (as in Debian's firefox-esr 153) navigates only to http(s), file, blob and
    // about:blank unless Firefox starts with this flag; the popup is a moz-extension:// page.
    args: ['-remote-allow-system-access'],
    // Firefox's test switch: it opens no socket to a non-local address (the proxy is local),
    // and Remote Settings then keeps to puppeteer's dummy server instead of retrying
    // firefox.settings.services.mozilla.com (a release build ignores the pref otherwise).
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    defaultViewport: { width: 1100, height: 720 },
    protocolTimeout: 120_000,
    timeout: 120_000,
    extraPrefsFirefox: {
      ...OFFLINE_PREFS,
      ...proxy.firefoxPrefs,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    },
  });
  const origin = `moz-extension://${uuid}`;
  let control;
  try {
    await firefox.installExtension(EXTENSION);
    // A page of the extension to read its state from; kept open for the whole run.
    control = await openExtensionPage(firefox, `${origin}/popup.html`);
  } catch (error) {
    await firefox.close().catch(() => {});
    await proxy.close();
    await server.close();
    throw error;
  }
  const evaluate = (fn, arg) => control.evaluate(fn, arg);

  return {
    firefox,
    /** "firefox/140.12.0": which Firefox this run proves. */
    version: await firefox.version(),
    origin,
    state,
    evaluate,
    snapshot: () =>
      evaluate(
        async () => (await browser.storage.local.get('healthSnapshot')).healthSnapshot ?? null,
      ),
    badge: () =>
      evaluate(async () => ({
        text: await browser.browserAction.getBadgeText({}),
        color: await browser.browserAction.getBadgeBackgroundColor({}),
        title: await browser.browserAction.getTitle({}),
      })),
    notifications: () => evaluate(() => browser.notifications.getAll()),
    /** A new tab at a web address (served by the fixture world). */
    async openPage(url) {
      const page = await firefox.newPage();
      page.setDefaultTimeout(TIMEOUT);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    /** A new tab with the popup, at popup size. */
    async openPopup() {
      const page = await openExtensionPage(firefox, `${origin}/popup.html`);
      await setViewport(page, { width: 360, height: 600 });
      return page;
    },
    /** Hosts the proxy was asked to tunnel to, in order. */
    tunnels: proxy.tunnels,
    wire: server.wire,
    async close() {
      await firefox.close().catch(() => {});
      await proxy.close();
      await server.close();
    },
  };
}

/**
 * Opens a moz-extension:// page. Firefox's driver reports the navigation as started and
 * committed but never the page's DOMContentLoaded or load (the navigation "times out" though
 * the page is there), so do not wait for those: wait for the page's own script to have
 * rendered it.
 */
async function openExtensionPage(firefox, url) {
  const page = await firefox.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 2_000 }).catch(() => {});
  await waitInPage(page, () => document.body?.innerText.trim().length > 0, {
    what: `${url} to render`,
  });
  return page;
}

/**
 * page.setViewport, on Firefox 140 too. puppeteer sends emulation.setScreenOrientationOverride
 * along with the size, a command Firefox has only from 144 on: 140 answers "unknown command"
 * to it (and puppeteer throws) though it takes the size itself. Tolerate that one error and
 * check that the page got the size.
 */
async function setViewport(page, viewport) {
  try {
    // eslint-disable-next-line no-restricted-properties -- the one call, wrapped for Firefox 140
    await page.setViewport(viewport);
  } catch (error) {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(error.message)) throw error;
  }
  await waitInPage(
    page,
    ({ width, height }) => window.innerWidth === width && window.innerHeight === height,
    { arg: viewport, what: `a ${viewport.width}×${viewport.height} viewport` },
  );
}

/**
 * Polls `fn` in the page (page.evaluate, every 100 ms) until it returns something truthy.
 * Use it instead of page.waitForFunction, which Firefox 140 refuses on extension pages (see
 * the top of this file). Polling from here also never depends on a background tab getting
 * animation frames.
 */
export async function waitInPage(page, fn, { arg, what = 'the page', timeout = TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    let last;
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch (error) {
      // A page between two documents has no realm to run in for a moment: try again.
      last = error;
    }
    if (Date.now() > deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out waiting for ${what}; last: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the page's visible text contains `text`. */
export async function waitForText(page, text) {
  await waitInPage(page, (text) => document.body?.innerText.includes(text), {
    arg: text,
    what: `"${text}"`,
  });
}

/** Whether the popup's "Check now" button is there and can be pressed (no check running). */
const checkNowReady = () =>
  [...document.querySelectorAll('button')].some(
    (button) => button.textContent.trim() === 'Check now' && !button.disabled,
  );

/** Clicks the popup's "Check now" and waits until that check is done (the button is back). */
export async function checkNow(popup) {
  // A background tab gets no animation frames, which a click waits for: bring it forward.
  await popup.bringToFront();
  await waitInPage(popup, checkNowReady, { what: '"Check now" to be enabled' });
  const button = await popup.waitForSelector('button::-p-text(Check now)');
  await button.click();
  await button.dispose();
  await waitInPage(popup, checkNowReady, { what: 'the check to finish' });
}

/** Polls until `read()` satisfies `accept`: Firefox's default wait is longer (TIMEOUT). */
export const waitUntil = (read, accept, options = {}) =>
  waitUntilIn(read, accept, { timeout: TIMEOUT, ...options });
