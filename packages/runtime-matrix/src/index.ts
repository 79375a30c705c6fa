/**
 * `@authlite/runtime-matrix` (private): the runtime-neutral client scenario and one launcher
 * per runtime. The CLI (`dist/cli.js`, `pnpm test:runtimes`) runs them all.
 *
 * @packageDocumentation
 */

export { type BundleTarget, bundleEntry, TARGETS } from './launchers/bundle.js';
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './launchers/chromium.js';
export { type MatrixEmulator, SEEDED_ADMIN, startMatrixEmulator } from './launchers/emulator.js';
export { binary, packageDir, repoDir } from './launchers/paths.js';
export { type RuntimeOutcome, runRuntime, summaryLine } from './launchers/run-runtime.js';
export { RUNTIMES, type RuntimeLauncher } from './launchers/runtimes.js';
export { type CheckResult, type Observed, runScenario, type ScenarioConfig, type ScenarioReport } from './scenario/run-scenario.js';
