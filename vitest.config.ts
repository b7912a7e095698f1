import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts?(x)'],
    setupFiles: ['fake-indexeddb/auto'],
    // Spies on the fake browser are put back before each test, so none leaks into the next.
    restoreMocks: true,
    // Property tests run hundreds of cases: on a loaded 2-core CI machine one can take several
    // seconds. A time limit is no assertion here (speed is measured by `npm run bench`).
    testTimeout: 30_000,
  },
});
