import { expectedSeedMatrix, observedSeedMatrix } from '../seed-matrix.js';
import type { ConformanceCase } from '../types.js';

/** Every permission check on the emulator's seed roles answers the same, fetched or loaded from the store, on every backend. */
export const seedMatrix: ConformanceCase = {
  id: 'seed-matrix',
  title: "permission checks on the emulator's seed roles: the same matrix fetched and loaded from the store",
  expected: { fetched: expectedSeedMatrix(), loaded: expectedSeedMatrix(), fetches: 1 },
  async run(ctx) {
    const fetched = observedSeedMatrix(await ctx.client(await ctx.openStore()).roles.load());
    const loaded = observedSeedMatrix(await ctx.client(await ctx.openStore()).roles.load());
    return { fetched, loaded, fetches: await ctx.emu.roleFetches() };
  },
};
