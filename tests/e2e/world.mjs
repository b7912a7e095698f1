// The world the end-to-end tests and the bench put the extension in: every status page of
// the catalog at its real URL (answered from tests/fixtures), every probe target, and
// chatgpt.com. One function answers a request for a URL from the current `state`; the local
// HTTPS server of https-world.mjs puts it on the wire.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/**
 * Every status source of the catalog, at its real origin: path → fixture file, where `{s}` is
 * the scenario the test sets for that provider (`state[providerId]`: healthy, outage...). A
 * path with no fixture answers an HTML 404, as a real page would.
 */
export const STATUS_SOURCES = {
  openai: {
    origin: 'https://status.openai.com',
    files: {
      // No capture of /api/v2/components.json with its full keys exists: it answers 404, and
      // the adapter takes summary.json's components (tests/fixtures/openai/PROVENANCE.md).
      '/api/v2/summary.json': 'openai/{s}/summary.json',
      '/proxy/status.openai.com': 'openai/{s}/proxy.json',
    },
  },
  anthropic: {
    origin: 'https://status.claude.com',
    // The page's own Statuspage host, the catalog's fallback: the same JSON.
    mirror: 'https://anthropic.statuspage.io',
    // Atlassian Statuspage allows CORS on public pages; the catalog asks no host permission.
    cors: true,
    files: {
      '/api/v2/summary.json': 'statuspage/anthropic/{s}/summary.json',
      '/history.atom': 'feed/anthropic/{s}/history.atom',
    },
  },
  'google-workspace': {
    origin: 'https://www.google.com',
    files: { '/appsstatus/dashboard/incidents.json': 'google/workspace/{s}/incidents.json' },
  },
  'google-cloud': {
    origin: 'https://status.cloud.google.com',
    files: { '/incidents.json': 'google/cloud/{s}/incidents.json' },
  },
  github: {
    origin: 'https://www.githubstatus.com',
    cors: true,
    files: {
      '/api/v2/summary.json': 'statuspage/github/{s}/summary.json',
    },
  },
  perplexity: {
    origin: 'https://status.perplexity.com',
    files: { '/v2/summary.json': 'instatus/perplexity/{s}/summary.json' },
  },
  xai: { origin: 'https://status.x.ai', files: { '/feed.xml': 'feed/xai/{s}/feed.xml' } },
  groq: {
    origin: 'https://groqstatus.com',
    files: {
      '/api/v2/summary.json': 'incident-io-compat/groq/{s}/summary.json',
    },
  },
  cohere: {
    origin: 'https://status.cohere.com',
    files: {
      '/api/v2/summary.json': 'incident-io-compat/cohere/{s}/summary.json',
    },
  },
  huggingface: {
    origin: 'https://status.huggingface.co',
    files: { '/index.json': 'betterstack/huggingface/{s}/index.json' },
  },
};

/**
 * Status pages the catalog lacks, for a user to add in the options (settings.test.mjs): each
 * at its real origin, answered with a capture. Cloudflare's is an Atlassian Statuspage and
 * sends the CORS header those pages send; Wistia's (Instatus) is served without one, so the
 * options page must ask for access to its site (its real headers are not known: see
 * tests/fixtures/instatus/wistia/PROVENANCE.md).
 */
export const OTHER_STATUS_PAGES = {
  'https://www.cloudflarestatus.com': {
    cors: true,
    files: { '/api/v2/summary.json': 'statuspage/cloudflare/active-grouped/summary.json' },
  },
  'https://status.wistia.com': {
    files: { '/v3/summary.json': 'instatus/wistia/healthy/summary.json' },
  },
};

/**
 * The catalog's probe targets (a light endpoint per service). A healthy API answers an
 * anonymous request with 401 at once; `state.probes[origin]` = 'down' makes it answer 503.
 */
export const PROBE_ORIGINS = [
  'https://api.openai.com',
  'https://api.anthropic.com',
  'https://generativelanguage.googleapis.com',
  'https://copilot.microsoft.com',
  'https://api.mistral.ai',
  'https://api.deepseek.com',
  'https://api.x.ai',
  'https://api.groq.com',
  'https://api.cohere.com',
  'https://huggingface.co',
];

/**
 * When each fixture folder was captured (see the PROVENANCE.md beside it): its timestamps are
 * moved so that this moment is now, and an outage the capture saw began minutes ago. A folder
 * not listed is taken as captured at its latest timestamp.
 */
const CAPTURED_AT = {
  'openai/': '2026-09-29T18:30:00Z',
  'incident-io-compat/': '2026-09-29T18:30:00Z',
};

// ISO 8601 in UTC: Statuspage and incident.io end in Z, Google in +00:00.
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|\+00:00)/g;
const RFC822 =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} (?:GMT|\+0000)\b/g;

function capturedAt(file, body) {
  const folder = Object.keys(CAPTURED_AT)
    .filter((prefix) => file.startsWith(prefix))
    .sort((a, b) => b.length - a.length)[0];
  if (folder) return Date.parse(CAPTURED_AT[folder]);
  const times = [...(body.match(ISO) ?? []), ...(body.match(RFC822) ?? [])].map(Date.parse);
  return times.length ? Math.max(...times) : Date.now();
}

/**
 * Moves every timestamp of a fixture (ISO 8601 in UTC, and RSS's RFC 822 dates) by the same
 * amount, so that the moment it was captured is `now`.
 */
export function shiftToNow(body, now = Date.now(), captured = capturedAt('', body)) {
  const shift = (time) => new Date(time + now - captured);
  return body
    .replace(ISO, (iso) => shift(Date.parse(iso)).toISOString())
    .replace(RFC822, (date) => shift(Date.parse(date)).toUTCString());
}

const CONTENT_TYPES = {
  json: 'application/json',
  xml: 'application/rss+xml',
  atom: 'application/atom+xml',
};
/** A Cloudflare challenge page (tests/fixtures/bot-challenge.html, see its PROVENANCE). */
const CHALLENGE = {
  status: 403,
  contentType: 'text/html',
  body: await readFile(join(FIXTURES, 'bot-challenge.html'), 'utf8'),
};
const NOT_FOUND = { status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' };
const CHATGPT_ORIGINS = ['https://chatgpt.com', 'https://chat.openai.com'];

/**
 * A fresh world: every status page healthy, every probe target up, ChatGPT's backend fine.
 * Tests change it as they go: `state[providerId]` is a fixture folder (healthy, outage,
 * hostile) or a `{ status, body }` answer; `state.probes[origin] = 'down'` makes a target
 * answer 503; `state.chatgptApi` is the status ChatGPT's backend answers with. Every status
 * page and probe request is logged in `state.requests` with the body's size.
 */
export function newWorld() {
  return {
    ...Object.fromEntries(Object.keys(STATUS_SOURCES).map((id) => [id, 'healthy'])),
    probes: {},
    // URLs that answer a bot challenge (HTML 403), as status.claude.com did to non-browsers.
    challenged: [],
    chatgptApi: 200,
    // Fixtures' times are moved to this moment, once: an unchanged page keeps the same bytes
    // (and ETag) from one read to the next, as a real one does.
    epoch: Date.now(),
    requests: [],
    statusRequests: 0,
  };
}

/**
 * The answer `{ kind, status, contentType, body }` to a request for `href` (kind: a status
 * page, a probe target or a ChatGPT page), or null for a host that is not in this world.
 */
export async function answer(state, href) {
  const url = new URL(href);
  // Offline: no host answers (the server drops every connection, as a dead network would),
  // so every status page and probe fails at the network level, never with an HTTP status.
  if (state.offline) return null;
  // A hostile page on an origin the extension holds a host permission for (Google's status
  // feed): its script sends 12 requests to ChatGPT's backend, half of them opaque (no-cors),
  // and says how each ended in `data-done` (tests/e2e/field-attacks.test.mjs).
  if (href === 'https://www.google.com/appsstatus/dashboard/attack.html') {
    const script = `(async () => {
  const ends = [];
  for (let i = 0; i < 12; i++) {
    const mode = i % 2 ? 'cors' : 'no-cors';
    await fetch('https://chatgpt.com/backend-api/conversation', { method: 'POST', mode, body: '{}' })
      .then((r) => ends.push(r.type + ':' + r.status), () => ends.push('error'));
  }
  document.body.dataset.done = ends.join(',');
})();`;
    const body = `<!doctype html><html><head><title>Attack</title></head><body><script>${script}</script></body></html>`;
    return { kind: 'page', status: 200, contentType: 'text/html', body };
  }
  const other = OTHER_STATUS_PAGES[url.origin];
  if (other) {
    const file = other.files[url.pathname];
    const response = (file && (await fixture(file, state.epoch))) || NOT_FOUND;
    state.requests.push({
      otherPage: url.origin,
      url: href,
      at: Date.now(),
      bytes: size(response.body),
    });
    const headers = other.cors ? { 'access-control-allow-origin': '*' } : undefined;
    return { kind: 'status', ...response, headers };
  }
  const source = Object.entries(STATUS_SOURCES).find(
    ([, { origin, mirror }]) => origin === url.origin || mirror === url.origin,
  );
  if (source) {
    const [providerId, { files, cors }] = source;
    const scenario = state.challenged.includes(href) ? CHALLENGE : state[providerId];
    const file = files[url.pathname];
    // A scenario object is an answer of its own: `{ status, body, headers?, delayMs? }`, the
    // body a string or a function of the path (a fault made from a capture).
    if (typeof scenario === 'object' && scenario.delayMs) await sleep(scenario.delayMs);
    const response =
      typeof scenario === 'object'
        ? {
            contentType: 'text/html',
            ...scenario,
            body:
              typeof scenario.body === 'function'
                ? await scenario.body(url.pathname)
                : scenario.body,
          }
        : (file && (await fixture(file.replace('{s}', scenario), state.epoch))) || NOT_FOUND;
    if (providerId === 'openai') state.statusRequests += 1;
    state.requests.push({ providerId, url: href, at: Date.now(), bytes: size(response.body) });
    // A page that allows CORS says so on every answer, as the real one does.
    const headers = cors
      ? { 'access-control-allow-origin': '*', ...response.headers }
      : response.headers;
    return { kind: 'status', ...response, headers };
  }
  // The alternatives' own pages, for the handoff tests (tests/e2e/handoff.test.mjs; shapes in
  // tests/fixtures/alternatives/PROVENANCE.md). Served only in a world that asks for them
  // (`state.alternativePages`: true, or `{ delayMs }` for a page that answers that much later):
  // Copilot's home page is also its probe target.
  if (state.alternativePages && ALTERNATIVE_PAGES[url.origin + url.pathname]) {
    if (state.alternativePages.delayMs) await sleep(state.alternativePages.delayMs);
    const body = await readFile(
      join(FIXTURES, ALTERNATIVE_PAGES[url.origin + url.pathname]),
      'utf8',
    );
    state.requests.push({ alternative: url.origin, url: href, at: Date.now(), bytes: size(body) });
    return { kind: 'page', status: 200, contentType: 'text/html', body };
  }
  if (PROBE_ORIGINS.includes(url.origin)) {
    // 'down' answers 503; `{ delayMs }` answers as usual, that much later (a slow service).
    const probeState = state.probes[url.origin];
    if (probeState?.delayMs) await sleep(probeState.delayMs);
    const down = probeState === 'down';
    const body = down ? '{"error":"unavailable"}' : '{"error":"unauthorized"}';
    state.requests.push({ probe: url.origin, url: href, at: Date.now(), bytes: size(body) });
    return { kind: 'probe', status: down ? 503 : 401, contentType: 'application/json', body };
  }
  if (CHATGPT_ORIGINS.includes(url.origin)) {
    if (url.pathname === '/' || url.pathname.startsWith('/c/')) {
      return { kind: 'page', status: 200, contentType: 'text/html', body: CHATGPT_PAGE };
    }
    // The app's own API, which the page's Send button calls.
    if (url.pathname.startsWith('/backend-api/')) {
      return {
        kind: 'page',
        status: state.chatgptApi,
        contentType: 'application/json',
        body: '{}',
      };
    }
    return { kind: 'page', status: 404, contentType: 'text/plain', body: '' };
  }
  // Sora's and the API platform's pages, for the banner (tests/fixtures/openai-sites): any
  // page path answers the site's shell; the SPA routes on the client.
  const sitePage = OPENAI_SITE_PAGES[url.origin];
  if (sitePage && !url.pathname.startsWith('/backend') && !url.pathname.includes('.')) {
    return { kind: 'page', status: 200, contentType: 'text/html', body: await sitePage() };
  }
  return null;
}

/** An alternative's page (origin + path) → its fixture, for the handoff tests. */
const ALTERNATIVE_PAGES = {
  'https://copilot.microsoft.com/': 'alternatives/copilot/home.html',
};

/** Sora's and the API platform's pages (origin) → their fixture shells, for the banner. */
const OPENAI_SITE_PAGES = {
  'https://sora.chatgpt.com': () => fixtureText('openai-sites/sora.html'),
  'https://sora.com': () => fixtureText('openai-sites/sora.html'),
  'https://platform.openai.com': () => fixtureText('openai-sites/platform.html'),
};

const size = (body) => Buffer.byteLength(body ?? '');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fixture file's text as stored, for tests that make a fault out of a capture. */
export const fixtureText = (file) => readFile(join(FIXTURES, file), 'utf8');

/** A fixture file as a response, timestamps moved to `now`; null when the scenario has none. */
async function fixture(file, now) {
  // The same capture moved to the same moment is the same text: the replay asks for each page
  // thousands of times (a week of polls), and moving Google's 400 KB feed is not free.
  const key = `${file}|${now}`;
  if (!shifted.has(key)) {
    if (shifted.size > 200) shifted.clear();
    const body = await readFile(join(FIXTURES, file), 'utf8').catch(() => null);
    shifted.set(key, body === null ? null : shiftToNow(body, now, capturedAt(file, body)));
  }
  const body = shifted.get(key);
  if (body === null) return null;
  const type = CONTENT_TYPES[file.split('.').pop()] ?? 'application/octet-stream';
  return { status: 200, contentType: type, body };
}
const shifted = new Map();

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
<button id="send" type="button" onclick="this.dataset.clicks=String(Number(this.dataset.clicks||0)+1);fetch('/backend-api/conversation',{method:'POST',body:'{}'}).then(r=>{this.dataset.last=String(r.status)},()=>{this.dataset.last='error'})">Send</button></form>
</main></body></html>`;
