// Mutation testing of the guards issue 9 names (signed-answer checks, redaction, input and
// answer schemas, transport), one area at a time: MUTATION_AREA picks one of
// test/mutation/areas.mjs; `pnpm test:mutation` (test/mutation/run.mjs) runs them all and
// prints the combined score. A surviving mutant is killed by a new test or explained by a
// `// Stryker disable next-line <mutator>: <why>` comment beside it.
import { AREAS } from './test/mutation/areas.mjs';

const name = process.env.MUTATION_AREA ?? 'jws';
const area = AREAS[name];
if (!area) throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: area.mutate,
  // Module-level constants (schemas, caps) would need every suite per mutant; their values are asserted directly.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  incremental: true,
  incrementalFile: `../../.tmp/stryker/${name}-incremental.json`,
  tempDirName: `../../.tmp/stryker/${name}-sandbox`,
  reporters: ['clear-text', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  jsonReporter: { fileName: `../../.tmp/stryker/${name}-mutation.json` },
  thresholds: { high: 95, low: 90, break: null },
  cleanTempDir: 'always',
};
