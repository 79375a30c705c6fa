/**
 * `@authlite/bench`: the performance harness behind `pnpm bench` (see README.md). Exports
 * the bundle-size measurement and the budget so that the size check runs in the tests.
 *
 * @packageDocumentation
 */
export { atLeast, atMost, BUDGET, exactly, SIZE_CEILINGS, type Verdict } from './budget.js';
export type { Row, Unit, Value } from './results.js';
export { type BundleResult, type BundleSize, type BundleTarget, bundle, sizeOf, WORKER_TARGET } from './size/bundle.js';
export {
  DEPS_FLOOR_ENTRY,
  nextMiddlewareEntry,
  packageEntry,
  type SizeEntry,
  SUPABASE_ENTRY,
  TRUSTAUTHX_ENTRY,
  WORKER_CLASS_ENTRY,
  WORKER_ENTRY,
} from './size/entries.js';
export { measureEntry } from './size/measure.js';
export { BENCH_DIR, publishedPackages, REPO_ROOT, type WorkspacePackage } from './size/workspace.js';
