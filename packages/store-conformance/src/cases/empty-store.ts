import { snapshotKey } from '@authlite/core/store';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { MAIN_ROLE_IDS } from '../seed.js';
import { nowS, roleIds } from '../snapshots.js';
import type { ConformanceCase } from '../types.js';

const { admin, viewer } = DEFAULT_ROLE_IDS;

/** An empty store: the first check fetches once and saves; a restarted client loads it without fetching. */
export const emptyStore: ConformanceCase = {
  id: 'empty-store',
  title: 'empty store: the first check fetches once and saves a snapshot that a restarted client loads',
  expected: {
    before: null,
    allowed: true,
    denied: false,
    fetches: 1,
    saved: { roles: MAIN_ROLE_IDS, edge: 3, fetchedNow: true },
    afterRestart: { allowed: true, fetches: 1 },
  },
  async run(ctx) {
    const store = await ctx.openStore();
    const before = (await store.get(snapshotKey(ctx.main.orgId))) ?? null;
    const client = ctx.client(store);
    const allowed = await client.roles.validate(admin, 'billing', 'write');
    const denied = await client.roles.validate(viewer, 'billing', 'write');
    const fetches = await ctx.emu.roleFetches();
    const saved = await ctx.stored(store);
    // A new process or isolate: a new client on a new handle of the same store.
    const restarted = ctx.client(await ctx.openStore());
    const afterRestart = { allowed: await restarted.roles.validate(admin, 'billing', 'write'), fetches: await ctx.emu.roleFetches() };
    return {
      before,
      allowed,
      denied,
      fetches,
      saved: saved && { roles: roleIds(saved), edge: saved.edge, fetchedNow: Math.abs(nowS() - saved.fetchedAt) < 60 },
      afterRestart,
    };
  },
};
