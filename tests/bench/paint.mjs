// The popup's first paint from the cached snapshot, against a static two-line page in the
// same browser and the same run: 20 loads of each, interleaved, first-contentful-paint read
// from each page's own Performance timeline; prints the medians and the ratios (target
// ≤ 1.3×) to the page as a file and as a page of the extension (in a copy of the build).
//
// The popup paints nothing until it has read the snapshot (entrypoints/popup/main.tsx): its
// first frame is the answer, the headline and when it was checked; the rows follow in the
// next frame (App.tsx). So the bench also times the rows' paint (Element Timing on the first
// row's name, the attribute set from outside by this script, not by the product), and a
// floor: a page of the copy whose one tiny script reads the same snapshot and writes two
// lines, the least any page that must read storage before painting can do.
// `node tests/bench/paint.mjs` after `npx wxt build`; also part of `npm run bench`.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION, launch, waitUntil } from '../e2e/harness.mjs';

const LOADS = 20;
/** How long a load may go without the paints it is timed by before the bench gives up on it. */
const PAINT_WAIT_MS = 30_000;
const STATIC_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Static</title></head>
<body><p>All your AI tools work</p><p>Updated 1 minute ago</p></body></html>`;
const FLOOR_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Floor</title>
<script src="/floor.js" defer></script></head><body><p id="a"></p><p id="b"></p></body></html>`;
const FLOOR_SCRIPT = `Promise.all([
  chrome.storage.local.get(['healthSnapshot', 'healthSnapshot$']),
  chrome.storage.sync.get(['settings']),
]).then(([local]) => {
  document.getElementById('a').textContent = local.healthSnapshot.services.length + ' services';
  document.getElementById('b').textContent = new Date(local.healthSnapshot.checkedAt).toString();
});`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Marks the first row's name for Element Timing as soon as it is inserted (before its paint). */
function markFirstRow() {
  new globalThis.MutationObserver((_, observer) => {
    const name = document.querySelector('.service__name');
    if (!name) return;
    name.setAttribute('elementtiming', 'first-row');
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/** Opens `url` in a fresh tab: its first-contentful-paint and, on the popup, its rows' paint. */
async function paints(context, url, viewport) {
  const page = await context.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.addInitScript(markFirstRow);
    await page.goto(url);
    return await page.evaluate(
      ([rows, waitMs]) =>
        new Promise((resolve, reject) => {
          const seen = {};
          const done = () => seen.fcp !== undefined && (!rows || seen.rows !== undefined);
          const observer = new globalThis.PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              if (entry.name === 'first-contentful-paint') seen.fcp = entry.startTime;
              if (entry.identifier === 'first-row') seen.rows = entry.renderTime;
            }
            if (!done()) return;
            observer.disconnect();
            resolve(seen);
          });
          // The page has often painted, rows included, before this runs (goto waits for the
          // load event): `buffered` hands over those entries too. Element Timing entries are
          // in no other list (getEntriesByType has none), so an observer that only took new
          // ones waited for ever whenever the rows were painted first, as under load.
          observer.observe({ type: 'paint', buffered: true });
          observer.observe({ type: 'element', buffered: true });
          // Paints come in milliseconds; one that never comes is a broken measure, not a wait.
          setTimeout(
            () => reject(new Error(`no paint after ${waitMs} ms: ${JSON.stringify(seen)}`)),
            waitMs,
          );
        }),
      [url.endsWith('/popup.html'), PAINT_WAIT_MS],
    );
  } finally {
    await page.close();
  }
}

export async function measurePaint() {
  const dir = await mkdtemp(join(tmpdir(), 'aor-paint-'));
  // The same two lines twice: as a file, and as a page of a copy of the built extension (the
  // copy only: nothing is added to what ships), so the popup is also compared with a page
  // that pays the same extension-page costs (its own origin, process, and resource loading).
  const extension = join(dir, 'extension');
  await cp(EXTENSION, extension, { recursive: true });
  await writeFile(join(extension, 'static.html'), STATIC_PAGE);
  await writeFile(join(extension, 'floor.html'), FLOOR_PAGE);
  await writeFile(join(extension, 'floor.js'), FLOOR_SCRIPT);
  await writeFile(join(dir, 'static.html'), STATIC_PAGE);
  const fileUrl = pathToFileURL(join(dir, 'static.html')).href;
  const radar = await launch({ extension });
  try {
    // The snapshot the popup paints: the worker's own, from its install check.
    await waitUntil(
      radar.snapshot,
      (s) => s?.services.length > 0 && s.services.every((x) => x.state !== 'unknown'),
      { what: 'a stored snapshot', timeout: 20_000 },
    );
    const base = `chrome-extension://${radar.extensionId}`;
    const pages = {
      popup: `${base}/popup.html`,
      staticInExtension: `${base}/static.html`,
      floor: `${base}/floor.html`,
      staticFile: fileUrl,
    };
    const viewport = { width: 360, height: 600 };
    // One of each first, not counted: the first load of any page pays for cold caches.
    for (const url of Object.values(pages)) await paints(radar.context, url, viewport);
    const fcp = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    const rows = [];
    for (let load = 0; load < LOADS; load++) {
      for (const [name, url] of Object.entries(pages)) {
        const seen = await paints(radar.context, url, viewport);
        fcp[name].push(seen.fcp);
        if (name === 'popup') rows.push(seen.rows);
      }
    }
    const round = (ms) => Math.round(ms * 10) / 10;
    const ratio = (a, b) => Math.round((median(a) / median(b)) * 100) / 100;
    return {
      loads: LOADS,
      popupMedianMs: round(median(fcp.popup)),
      popupRowsMedianMs: round(median(rows)),
      staticInExtensionMedianMs: round(median(fcp.staticInExtension)),
      floorMedianMs: round(median(fcp.floor)),
      staticFileMedianMs: round(median(fcp.staticFile)),
      ratioToStaticInExtension: ratio(fcp.popup, fcp.staticInExtension),
      rowsRatioToStaticInExtension: ratio(rows, fcp.staticInExtension),
      floorRatioToStaticInExtension: ratio(fcp.floor, fcp.staticInExtension),
      ratioToStaticFile: ratio(fcp.popup, fcp.staticFile),
      target: '≤ 1.3× a static two-line page, first-contentful-paint, median of 20',
    };
  } finally {
    await radar.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await measurePaint(), null, 2));
}
