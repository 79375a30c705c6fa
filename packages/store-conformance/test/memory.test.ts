import { MemoryRoleStore } from '@authlite/store-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES, runConformance, type StoreTarget } from '../src/index.js';
import { type ConformanceEmulator, describeConformance, startConformanceEmulator } from '../src/node/index.js';

let emulator: ConformanceEmulator;
beforeAll(async () => {
  emulator = await startConformanceEmulator();
});
afterAll(() => emulator.stop());

/** The memory store in this process: one instance per namespace, which both "handles" share. */
function memoryTarget(): StoreTarget {
  const spaces = new Map<string, MemoryRoleStore>();
  const open = (space: string) => {
    let store = spaces.get(space);
    if (!store) spaces.set(space, (store = new MemoryRoleStore()));
    return store;
  };
  return {
    name: 'memory',
    openStore: (space) => open(space),
    writeRaw: async (space, _orgId, key, raw) => open(space).set(key, raw),
  };
}

describeConformance('memory (Node)', () => runConformance(memoryTarget(), emulator.config));

describe('the suite itself', () => {
  it('has a case for every part of the contract, with unique ids', () => {
    expect(CONFORMANCE_CASES.map((c) => c.id)).toEqual([
      'empty-store',
      'save-and-load',
      'overwrite',
      'org-isolation',
      'invalid-snapshots',
      'max-age',
      'x-edge',
      'single-flight',
      'shared-store',
      'failed-write',
      'seed-matrix',
    ]);
  });

  it('reports a failing case with what it observed instead of throwing', async () => {
    const broken: StoreTarget = {
      name: 'forgetful',
      openStore: () => ({ get: () => undefined, set: () => undefined }),
      writeRaw: async () => undefined,
    };
    const [result] = await runConformance(broken, { ...emulator.config, only: ['save-and-load'] });
    expect(result?.id).toBe('save-and-load');
    expect(result?.ok).toBe(false);
    expect(result?.error).toBeUndefined();
    expect(result?.observed).toEqual({ sameHandle: false, otherHandle: false, markerFromStore: false, fetches: 1 });
  });
});
