// The areas of `pnpm test:mutation`: each mutates one folder of guards and runs only the
// suites aimed at it (every suite reaches the transport through a login, so one run over all
// suites would run a dozen files per mutant). Other packages join with their own
// `test:mutation` script (the root runs `turbo run test:mutation`); the Next.js helper's cookie
// and return-path files belong in packages/next's list, next to its tests.
export const AREAS = {
  jws: { mutate: ['src/jws/**/*.ts'], tests: ['test/verify-answer.test.ts', 'test/signed-answers.test.ts', 'test/edit-user-url.test.ts'] },
  redact: { mutate: ['src/errors/redact.ts'], tests: ['test/redaction.test.ts', 'test/unit/redact.test.ts', 'test/secrets.test.ts'] },
  schemas: {
    mutate: ['src/schemas/**/*.ts'],
    tests: [
      'test/schemas.test.ts',
      'test/unit/schemas.test.ts',
      'test/unit/describe-issue.test.ts',
      'test/insecure-http.test.ts',
      'test/validation.test.ts',
      'test/signed-answers.test.ts',
      'test/edit-user-url.test.ts',
    ],
  },
  transport: {
    mutate: ['src/transport/**/*.ts'],
    tests: [
      'test/transport-parts.test.ts',
      'test/unit/retry-policy.test.ts',
      'test/unit/retry-after-date.test.ts',
      'test/unit/x-edge.test.ts',
      'test/redirects.test.ts',
      'test/answer-caps.test.ts',
      'test/never-sent.test.ts',
      'test/redaction.test.ts',
      'test/faults.test.ts',
      'test/fetch.test.ts',
      'test/tokens.test.ts',
    ],
  },
};
