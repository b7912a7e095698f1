// The popup's first paint from the cached snapshot, against a static two-line page in the
// same browser and the same run: 20 loads of each, interleaved, first-contentful-paint read
// from each page's own Performance timeline; prints both medians and their ratio (target
// ≤ 1.3×). The popup renders nothing until it has read the snapshot (entrypoints/popup/
// main.tsx), so its first contentful paint is the snapshot's content, never an empty shell.
// `node tests/bench/paint.mjs` after `npx wxt build`; also part of `npm run bench`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, waitUntil } from '../e2e/harness.mjs';

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
  const staticUrl = pathToFileURL(join(dir, 'static.html')).href;
  await writeFile(join(dir, 'static.html'), STATIC_PAGE);
  const radar = await launch();
  try {
    // The snapshot the popup paints: the worker's own, from its install check.
    await waitUntil(
      radar.snapshot,
      (s) => s?.services.length > 0 && s.services.every((x) => x.state !== 'unknown'),
      {
        what: 'a stored snapshot',
        timeout: 20_000,
      },
    );
    const popupUrl = `chrome-extension://${radar.extensionId}/popup.html`;
    const viewport = { width: 360, height: 600 };
    // One of each first, not counted: the first load of any page pays for cold caches.
    await firstPaint(radar.context, popupUrl, viewport);
    await firstPaint(radar.context, staticUrl, viewport);
    const popup = [];
    const plain = [];
    for (let load = 0; load < LOADS; load++) {
      popup.push(await firstPaint(radar.context, popupUrl, viewport));
      plain.push(await firstPaint(radar.context, staticUrl, viewport));
    }
    const round = (ms) => Math.round(ms * 10) / 10;
    return {
      loads: LOADS,
      popupMedianMs: round(median(popup)),
      staticMedianMs: round(median(plain)),
      ratio: Math.round((median(popup) / median(plain)) * 100) / 100,
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
