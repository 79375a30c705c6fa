import { beforeAll, describe, expect, it } from 'vitest';
import { selectedCases } from '../run-conformance.js';
import type { CaseResult } from '../types.js';

/** Options of {@link describeConformance}. */
export interface DescribeConformanceOptions {
  /** Case ids to expect (default all). */
  only?: string[];
  /** Time for `run`, milliseconds (default 180000). */
  timeout?: number;
}

/**
 * Declares one vitest test per conformance case for a backend. `run` launches the suite
 * wherever the backend lives (a worker, a page, a Deno process, or in this process) and
 * returns its results; each test then asserts that its case ran, threw nothing, and observed
 * exactly what the case expects.
 */
export function describeConformance(label: string, run: () => Promise<CaseResult[]>, options: DescribeConformanceOptions = {}): void {
  describe(`${label}: role store conformance`, () => {
    let results: CaseResult[] = [];
    beforeAll(async () => {
      results = await run();
    }, options.timeout ?? 180_000);
    for (const c of selectedCases(options)) {
      it(c.title, () => {
        const result = results.find((r) => r.id === c.id);
        expect(result, `case ${c.id} did not run`).toBeDefined();
        expect(result?.error).toBeUndefined();
        expect(result?.observed).toEqual(c.expected);
      });
    }
  });
}
