// The popup's first paint from the cached snapshot, against a static two-line page in the
// same browser and the same run: 20 loads of each, interleaved, first-contentful-paint read
// from each page's own Performance timeline; prints the medians and the ratios (target
// ≤ 1.3×) to the page as a file and as a page of the extension (in a copy of the build). The
// popup renders nothing until it has read the snapshot (entrypoints/popup/main.tsx), so its
// first contentful paint is the snapshot's content, never an empty shell.
// `node tests/bench/paint.mjs` after `npx wxt build`; also part of `npm run bench`.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION, launch, waitUntil } from '../e2e/harness.mjs';

const LOADS = 20;
const STATIC_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Static</title></head>
<body><p>All your AI tools work</p><p>Updated 1 minute ago</p></body></html>`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Opens `url` in a fresh tab and returns its first-contentful-paint time (ms). */
async function firstPaint(context, url, viewport) {
  const page = await context.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.goto(url);
    return await page.evaluate(
      () =>
        new Promise((resolve) => {
          new globalThis.PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
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
    const pages = {
      popup: `chrome-extension://${radar.extensionId}/popup.html`,
      staticInExtension: `chrome-extension://${radar.extensionId}/static.html`,
      staticFile: fileUrl,
    };
    const viewport = { width: 360, height: 600 };
    // One of each first, not counted: the first load of any page pays for cold caches.
    for (const url of Object.values(pages)) await firstPaint(radar.context, url, viewport);
    const times = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
    for (let load = 0; load < LOADS; load++) {
      for (const [name, url] of Object.entries(pages)) {
        times[name].push(await firstPaint(radar.context, url, viewport));
      }
    }
    const round = (ms) => Math.round(ms * 10) / 10;
    const ratio = (name) => Math.round((median(times.popup) / median(times[name])) * 100) / 100;
    return {
      loads: LOADS,
      popupMedianMs: round(median(times.popup)),
      staticFileMedianMs: round(median(times.staticFile)),
      staticInExtensionMedianMs: round(median(times.staticInExtension)),
      ratioToStaticFile: ratio('staticFile'),
      ratioToStaticInExtension: ratio('staticInExtension'),
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
