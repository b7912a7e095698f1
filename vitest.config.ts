import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts?(x)'],
    setupFiles: ['fake-indexeddb/auto'],
    // Spies on the fake browser are put back before each test, so none leaks into the next.
    restoreMocks: true,
  },
});
