import { defineConfig } from 'vitest/config';

// One `next build` and one `next start` for the whole run (test/global-setup-middleware.ts); the files
// share the emulator, so they run one after another.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup-middleware.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
