// Measures the built bundles users download and run: raw and gzip bytes per entry.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip budgets (bytes) for the code that runs: what a user's browser parses. */
export const BUDGETS = {
  // The worker holds an adapter per status format, the probes and the verdict engine; it
  // runs off the page, so it may be larger than what runs on ChatGPT.
  // Issue 9 adds settings, the prompt handoff, richer notifications and offline detection to
  // the worker, history to the popup, snooze and three sites to the banner.
  background: 30_000,
  popup: 22_000,
  banner: 22_000,
};

async function files(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

function entryOf(path) {
  if (/background\.js$/.test(path)) return 'background';
  if (/content-scripts\/banner\.(js|css)$/.test(path)) return 'banner';
  if (/(chunks|assets)\/popup-|popup\.html$/.test(path)) return 'popup';
  return undefined;
}

/** { entry: { raw, gzip, files } } for one build folder, e.g. .output/chrome-mv3. */
export async function measure(buildDir) {
  const sizes = {};
  for (const path of await files(buildDir)) {
    const entry = entryOf(relative(buildDir, path));
    if (!entry) continue;
    const content = await readFile(path);
    sizes[entry] ??= { raw: 0, gzip: 0, files: [] };
    sizes[entry].raw += content.length;
    sizes[entry].gzip += gzipSync(content, { level: 9 }).length;
    sizes[entry].files.push(relative(buildDir, path));
  }
  return sizes;
}
