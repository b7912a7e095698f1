import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replay, type ReplayResult } from './engine';
import { type Profile, validTimeline } from './timeline';

const HERE = new URL('.', import.meta.url).pathname;

/**
 * Replays every incident for `profiles` and writes the rows to test-results/replay-<name>.json
 * (tests/replay/run.mjs reads them all). One test file per group of profiles, so vitest runs
 * them on several cores at once.
 */
export async function replayIncidents(profiles: readonly Profile[], name: string) {
  const files = readdirSync(join(HERE, 'incidents')).filter((file) => file.endsWith('.json'));
  const only = process.env.REPLAY_PROFILE;
  const results: ReplayResult[] = [];
  for (const file of files.sort()) {
    const timeline = validTimeline(
      JSON.parse(readFileSync(join(HERE, 'incidents', file), 'utf8')),
      file,
    );
    for (const profile of profiles.filter((p) => !only || p === only))
      results.push(await replay(timeline, profile));
  }
  const out = join(HERE, `../../test-results/replay-${name}.json`);
  mkdirSync(join(out, '..'), { recursive: true });
  writeFileSync(out, JSON.stringify(results, null, 2));
}
