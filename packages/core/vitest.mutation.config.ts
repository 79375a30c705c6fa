import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The suites Stryker runs for one mutation area (MUTATION_TESTS, set by test/mutation/run.mjs).
// Not mergeConfig: it would concatenate the include lists.
const tests = process.env['MUTATION_TESTS']?.split(',').filter(Boolean);

export default defineConfig({ ...base, test: { ...base.test, ...(tests ? { include: tests } : {}) } });
