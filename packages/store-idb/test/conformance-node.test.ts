import 'fake-indexeddb/auto';
import { runConformance } from '@authlite/store-conformance';
import { type ConformanceEmulator, describeConformance, startConformanceEmulator } from '@authlite/store-conformance/node';
import { afterAll, beforeAll } from 'vitest';
import { idbTarget } from './idb-target.js';

let emulator: ConformanceEmulator;
beforeAll(async () => {
  emulator = await startConformanceEmulator();
});
afterAll(() => emulator?.stop());

describeConformance('IndexedDB (fake-indexeddb, Node)', () => runConformance(idbTarget('idb (fake-indexeddb)'), emulator.config));
