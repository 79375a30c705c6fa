import { snapshotKey } from '@authlite/core/store';
import { markerSnapshot } from '../snapshots.js';
import type { ConformanceCase } from '../types.js';

const MARKER_ROLE = 'rol_mrk_000000000000000a';

/** What `set` stores, `get` returns, through the same handle and through another one. */
export const saveAndLoad: ConformanceCase = {
  id: 'save-and-load',
  title: 'save and load: get returns what set stored, through the same and another handle, and a client uses it',
  expected: { sameHandle: true, otherHandle: true, markerFromStore: true, fetches: 0 },
  async run(ctx) {
    const key = snapshotKey(ctx.main.orgId);
    const snapshot = markerSnapshot(ctx.main.orgId, MARKER_ROLE, 'saved');
    const store = await ctx.openStore();
    await store.set(key, snapshot);
    const same = await ctx.stored(store);
    const other = await ctx.stored(await ctx.openStore());
    const client = ctx.client(await ctx.openStore());
    return {
      sameHandle: JSON.stringify(same) === JSON.stringify(snapshot),
      otherHandle: JSON.stringify(other) === JSON.stringify(snapshot),
      markerFromStore: await client.roles.validate(MARKER_ROLE, 'marker', 'saved'),
      fetches: await ctx.emu.roleFetches(),
    };
  },
};
