import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // npm installs from the registry and a Next.js build: minutes on a busy machine, not seconds.
    testTimeout: 240_000,
    hookTimeout: 420_000,
  },
});
