// Mutation testing of the session layer's cookie and return-path guards (issue 9 item 8): the
// cookie header parser, cookie chunking, session cookie reading, the login nonce, the token
// shape check and the return-path check, against their unit suites. `pnpm test:mutation` at
// the root runs it with core's areas; a survivor is killed by a test or explained beside it.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate: [
    'src/cookie-header.ts',
    'src/cookie-chunks.ts',
    'src/session-cookies.ts',
    'src/login-nonce.ts',
    'src/token-shape.ts',
    'src/return-path.ts',
  ],
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  incremental: true,
  incrementalFile: '../../.tmp/stryker/session-incremental.json',
  tempDirName: '../../.tmp/stryker/session-sandbox',
  reporters: ['clear-text', 'json'],
  clearTextReporter: { allowColor: false, logTests: false },
  jsonReporter: { fileName: '../../.tmp/stryker/session-mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  cleanTempDir: 'always',
};
