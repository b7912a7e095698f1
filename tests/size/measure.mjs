// Measures what users download and run, per entry: raw and gzip bytes. A page counts every
// file its HTML loads (its script, the chunks it shares with other pages and preloads, its
// stylesheets), followed through static imports: a chunk shared by the popup and the options
// page counts for both, since each pays for it.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** gzip budgets (bytes) for the code that runs: what a user's browser parses. */
export const BUDGETS = {
  // The worker holds an adapter per status format, the probes, the verdict engine, the
  // settings, the prompt handoff, notifications with their buttons and offline detection; it
  // runs off the page, so it may be the largest. 34 KB until issue 16: the user's stalled
  // sends, 429 floods, the sleeping schedule and the arrival script's registration took it to
  // 34.5 KB.
  background: 36_000,
  // The popup paints from the snapshot before anything else loads: what it loads up front.
  popup: 22_000,
  // Runs on OpenAI's pages, only during an outage: snooze, three sites, carrying the prompt.
  banner: 23_000,
  options: 26_000,
  welcome: 20_000,
  handoff: 20_000,
};

const PAGES = ['popup', 'options', 'welcome', 'handoff'];

/** The files an HTML page loads, and what those import statically, build-relative. */
async function pageFiles(buildDir, html) {
  const text = await readFile(join(buildDir, html), 'utf8');
  const queue = [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Set([html]);
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = await readFile(join(buildDir, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`): dynamic ones load
    // after the first paint and are not what the page waits for.
    for (const [, spec] of code.matchAll(
      /(?:^|[;}\s])import(?:[\w\s{},*$]*from)?\s*["']([^"']+\.js)["']/g,
    )) {
      queue.push(relative(buildDir, join(buildDir, file, '..', spec)));
    }
  }
  return [...seen];
}

async function sizeOf(buildDir, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = await readFile(join(buildDir, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

/** { entry: { raw, gzip, files } } for one build folder, e.g. .output/chrome-mv3. */
export async function measure(buildDir) {
  const all = await readdir(buildDir, { recursive: true });
  const sizes = {
    background: await sizeOf(buildDir, ['background.js']),
    banner: await sizeOf(
      buildDir,
      all.filter((file) => /^content-scripts\/banner\.(js|css)$/.test(file)),
    ),
  };
  for (const page of PAGES) {
    if (all.includes(`${page}.html`)) {
      sizes[page] = await sizeOf(buildDir, await pageFiles(buildDir, `${page}.html`));
    }
  }
  return sizes;
}
