import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suites Stryker runs per mutant (stryker.config.mjs): all but the soak, whose minutes of
// random load kill nothing the focused suites do not.
export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ['test/soak.test.ts'] },
  }),
);
