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
  },
});
