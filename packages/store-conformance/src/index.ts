/**
 * `@authlite/store-conformance` (private): the contract every role store of `@authlite/core`
 * meets, written once as runtime-neutral cases. Each store package runs it against its real
 * backends: memory in Node, IndexedDB in Chromium and with fake-indexeddb, Workers KV in
 * workerd, Deno KV in the Deno CLI. Launchers for Node live in `@authlite/store-conformance/node`.
 *
 * @packageDocumentation
 */
export { CONFORMANCE_CASES } from './cases/index.js';
export { countingStore } from './counting-store.js';
export { EmulatorControl, type EmulatorRequest } from './emulator-control.js';
export { type Hang, hangingStore } from './hanging-store.js';
export { jsonEqual } from './json-equal.js';
export { ManualClock } from './manual-clock.js';
export { runConformance, selectedCases } from './run-conformance.js';
export { CONFORMANCE_ORGS, CONFORMANCE_SEED, MAIN_ROLE_IDS, OTHER_ORG, OTHER_ROLE_ID } from './seed.js';
export { expectedSeedMatrix, observedSeedMatrix } from './seed-matrix.js';
export { markerSnapshot, nowS, plantedSnapshot } from './snapshots.js';
export type { CaseContext, CaseResult, ConformanceCase, ConformanceConfig, CountingStore, OrgCredentials, StoreTarget } from './types.js';
