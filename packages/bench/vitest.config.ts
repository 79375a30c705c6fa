import { defineConfig } from 'vitest/config';

// The size check bundles packages with esbuild: deterministic, a few seconds; generous timeouts for a loaded CI.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
