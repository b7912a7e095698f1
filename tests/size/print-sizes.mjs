// `npm run size`: prints the size of each bundle of both builds, and the manifest's permissions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUDGETS, measure } from './measure.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const report = {};
for (const build of ['chrome-mv3', 'firefox-mv2']) {
  const dir = join(root, '.output', build);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  report[build] = {
    bundles: Object.fromEntries(
      Object.entries(await measure(dir)).map(([entry, { raw, gzip }]) => [
        entry,
        { raw, gzip, gzipBudget: BUDGETS[entry] },
      ]),
    ),
    permissions: manifest.permissions,
    host_permissions: manifest.host_permissions,
    content_scripts: manifest.content_scripts ?? [],
  };
}
console.log(JSON.stringify(report, null, 2));
