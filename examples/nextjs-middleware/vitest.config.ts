import { defineConfig } from 'vitest/config';

// `next build` then `next start`: minutes, not seconds, on a small machine.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
