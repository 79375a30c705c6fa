import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // typedoc and tsc over every package: tens of seconds on a busy machine.
    testTimeout: 180_000,
  },
});
