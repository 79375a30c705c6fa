/**
 * Node helpers that launch the conformance suite: the emulator, bundling for another runtime,
 * and the vitest declaration of one test per case.
 *
 * @packageDocumentation
 */
export { bundle, type BundleOptions } from './bundle.js';
export { describeConformance, type DescribeConformanceOptions } from './describe-conformance.js';
export { startConformanceEmulator, type ConformanceEmulator } from './start-emulator.js';
export { startRedisServer, type RedisServer } from './redis-server.js';
