import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { replay, type ReplayResult } from './engine';
import { PROFILES, validTimeline } from './timeline';

const HERE = new URL('.', import.meta.url).pathname;
const OUT = join(HERE, '../../test-results/replay.json');

it('replays every incident for every profile', async () => {
  const files = readdirSync(join(HERE, 'incidents')).filter((file) => file.endsWith('.json'));
  const results: ReplayResult[] = [];
  for (const file of files.sort()) {
    const timeline = validTimeline(
      JSON.parse(readFileSync(join(HERE, 'incidents', file), 'utf8')),
      file,
    );
    const only = process.env.REPLAY_PROFILE;
    for (const profile of PROFILES.filter((p) => !only || p === only))
      results.push(await replay(timeline, profile));
  }
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2));
});
