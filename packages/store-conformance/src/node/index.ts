/**
 * Node helpers that launch the conformance suite: the emulator, bundling for another runtime,
 * and the vitest declaration of one test per case.
 *
 * @packageDocumentation
 */
export { type BundleOptions, bundle } from './bundle.js';
export { type DescribeConformanceOptions, describeConformance } from './describe-conformance.js';
export { expectClientToAnswerDespite } from './failing-store.js';
export { type ConformanceEmulator, startConformanceEmulator } from './start-emulator.js';
