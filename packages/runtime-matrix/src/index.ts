/**
 * `@authlite/runtime-matrix` (private): the runtime-neutral client scenario and one launcher
 * per runtime. The CLI (`dist/cli.js`, `pnpm test:runtimes`) runs them all.
 *
 * @packageDocumentation
 */
export { runScenario, type CheckResult, type Observed, type ScenarioConfig, type ScenarioReport } from './scenario/run-scenario.js';
export { RUNTIMES, type RuntimeLauncher } from './launchers/runtimes.js';
export { runRuntime, summaryLine, type RuntimeOutcome } from './launchers/run-runtime.js';
export { startMatrixEmulator, SEEDED_ADMIN, type MatrixEmulator } from './launchers/emulator.js';
export { bundleEntry, TARGETS, type BundleTarget } from './launchers/bundle.js';
export { binary, packageDir, repoDir } from './launchers/paths.js';
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './launchers/chromium.js';
