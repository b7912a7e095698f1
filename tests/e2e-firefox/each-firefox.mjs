// Runs the Firefox end-to-end tests once in each Firefox there is: FIREFOX_PATH if set, else
// Debian's /usr/bin/firefox-esr and every other ESR unpacked under .cache/firefox/<version>/
// (.ci/run unpacks there the ESR that Debian's archive holds beside the installed one, so that
// CI proves 140, the manifest's minimum, and the current ESR alike). Each run prints node's own
// "# pass N / # fail N", which .ci/run sums; the exit code is the worst of them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UNPACKED = join(ROOT, '.cache/firefox');

function firefoxes() {
  if (process.env.FIREFOX_PATH) return [process.env.FIREFOX_PATH];
  const found = existsSync('/usr/bin/firefox-esr') ? ['/usr/bin/firefox-esr'] : [];
  if (existsSync(UNPACKED)) {
    for (const version of readdirSync(UNPACKED).sort()) {
      const binary = join(UNPACKED, version, 'usr/lib/firefox-esr/firefox-esr');
      if (existsSync(binary)) found.push(binary);
    }
  }
  return found;
}

let status = 0;
const all = firefoxes();
if (all.length === 0) {
  console.error('no Firefox found: install firefox-esr or set FIREFOX_PATH');
  process.exit(1);
}
for (const firefox of all) {
  console.log(`# Firefox end-to-end tests in ${firefox}`);
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-concurrency=1', join(ROOT, 'tests/e2e-firefox/')],
    { stdio: 'inherit', env: { ...process.env, FIREFOX_PATH: firefox } },
  );
  status = Math.max(status, run.status ?? 1);
}
process.exit(status);
