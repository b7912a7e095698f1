import { readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { replay, type ReplayResult } from './engine';
import { usageAt, validTimeline } from './timeline';

const HERE = new URL('.', import.meta.url).pathname;
const OUT = join(HERE, '../../test-results/replay-healthy-days.json');

// Its own file, so vitest runs it beside the incidents, on another core.
it('replays the healthy days', async () => {
  const files = readdirSync(join(HERE, 'healthy')).filter((file) => file.endsWith('.json'));
  const results: ReplayResult[] = [];
  for (const file of files.sort()) {
    const timeline = validTimeline(
      JSON.parse(readFileSync(join(HERE, 'healthy', file), 'utf8')),
      file,
    );
    if (!timeline.usage) throw new Error(`${file}: healthy days need a usage`);
    results.push(await replay(timeline, usageAt(timeline.usage)));
  }
  mkdirSync(join(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2));
});
