/**
 * `@authlite/bench`: the performance harness behind `pnpm bench` (see README.md). Exports
 * the bundle-size measurement and the budget so that the size check runs in the tests.
 *
 * @packageDocumentation
 */
export { BUDGET, SIZE_CEILINGS, atLeast, atMost, exactly, type Verdict } from './budget.js';
export { bundle, sizeOf, WORKER_TARGET, type BundleResult, type BundleSize, type BundleTarget } from './size/bundle.js';
export { DEPS_FLOOR_ENTRY, nextMiddlewareEntry, packageEntry, SUPABASE_ENTRY, TRUSTAUTHX_ENTRY, WORKER_ENTRY, type SizeEntry } from './size/entries.js';
export { measureEntry } from './size/measure.js';
export { BENCH_DIR, publishedPackages, REPO_ROOT, type WorkspacePackage } from './size/workspace.js';
export type { Row, Unit, Value } from './results.js';
