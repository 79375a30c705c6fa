/**
 * The performance budget of issue 6, checked by `pnpm bench` (timings) and by the test suite
 * (bundle size only: size is deterministic, time is not). 1 KB = 1024 bytes.
 */
export const BUDGET = {
  /** `@authlite/core` with every dependency, esbuild-minified for a worker target, gzip -9: at most this many bytes. */
  coreGzipBytes: 16 * 1024,
  /** The size the issue aims for (reported, not enforced). */
  coreGzipAimBytes: 12 * 1024,
  /** `RoleIndex.can` ns per check over a plain `Map` lookup of the same data: at most. */
  syncCheckRatio: 2,
  /** `roles.validate` ns per check over the plain `Map` lookup: at most. */
  asyncCheckRatio: 5,
  /** SDK verify ops/s over jose `jwtVerify` with a cached `CryptoKey`: at least. */
  verifyVsJoseCachedKey: 0.95,
  /** SDK verify ops/s over jose `jwtVerify` given the raw secret bytes: at least. */
  verifyVsJoseRawSecret: 1.5,
  /** SDK call p50 latency over a bare ky call of the same URL and query: at most. */
  apiP50VsKy: 1.1,
  /** Cold import + construct of `@authlite/core` minus the import of its dependencies alone, milliseconds: at most. */
  coldImportOverDepsMs: 15,
  /** Upstream requests for 1,000 validations of one token within one cache period, cache on: exactly. */
  cachedUpstreamRequests: 1,
} as const;

/** Largest ratio of a regression ceiling to its budget. */
export const MAX_CEILING_OVER_BUDGET = 1.375;

/**
 * Regression ceilings checked by the test suite, gzip bytes (deterministic). `@authlite/core`
 * does not meet its 16 KB budget yet (`pnpm bench` reports FAIL); its ceiling keeps it from
 * growing meanwhile. Lower it to {@link BUDGET.coreGzipBytes} once the budget is met.
 */
export const SIZE_CEILINGS = {
  /**
   * `@authlite/core` with all its dependencies. Raised from 20 KiB by issue 10 (store
   * deadlines, the token rotation record, the injectable and service clocks: about 1.1 KiB);
   * the budget itself is unchanged and still reported FAIL by `pnpm bench`.
   */
  coreGzipBytes: 22 * 1024,
  /** The Worker entry (client, token check, permission check). */
  workerEntryGzipBytes: 22 * 1024,
  /** `@authlite/store-memory`. */
  storeMemoryGzipBytes: 1024,
} as const;

/** A budget line's verdict, as printed in the PASS/FAIL column. */
export interface Verdict {
  /** The rule, e.g. `"<= 2x"`. */
  rule: string;
  pass: boolean;
}

/** `value <= limit`. */
export function atMost(value: number, limit: number, unit = 'x'): Verdict {
  return { rule: `<= ${limit}${unit}`, pass: value <= limit };
}

/** `value >= limit`. */
export function atLeast(value: number, limit: number, unit = 'x'): Verdict {
  return { rule: `>= ${limit}${unit}`, pass: value >= limit };
}

/** `value === expected`. */
export function exactly(value: number, expected: number, unit = ''): Verdict {
  return { rule: `= ${expected}${unit}`, pass: value === expected };
}
