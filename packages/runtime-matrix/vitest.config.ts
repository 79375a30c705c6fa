import { defineConfig } from 'vitest/config';

// Runtimes start processes and browsers: files run one after the other, with generous timeouts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
