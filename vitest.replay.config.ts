import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run replay` (tests/replay/run.mjs): real incident timelines through the worker's own
// code under a virtual clock; not part of `npm test`'s unit tests.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/replay/**/*.replay.ts'],
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 600_000,
    // One worker per core: the replay's three files (two groups of profiles, the healthy
    // days) run side by side; vitest's default leaves one core idle.
    maxWorkers: availableParallelism(),
  },
});
