// Mutation testing of the guards issue 9 names: signed-answer checks (jws/), redaction,
// the input and answer schemas, and the transport. Run from the root: `pnpm test:mutation`.
// A surviving mutant is either killed by a new test or explained by a
// `// Stryker disable next-line <mutator>: <why>` comment beside it.
// Other packages join by adding their own `test:mutation` script and stryker.config.mjs (the
// root runs `turbo run test:mutation`): the Next.js helper's cookie and return-path files
// belong in packages/next's `mutate` list, next to its own tests.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: ['src/jws/**/*.ts', 'src/errors/redact.ts', 'src/schemas/**/*.ts', 'src/transport/**/*.ts'],
  // Static mutants (module-level constants) would need the whole suite per mutant.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  incremental: true,
  incrementalFile: '../../.tmp/stryker/core-incremental.json',
  tempDirName: '../../.tmp/stryker/core-sandbox',
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: '../../.tmp/stryker/core-mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  cleanTempDir: 'always',
};
