import { snapshotKey } from '@authlite/core/store';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { nowS, plantedSnapshot } from '../snapshots.js';
import type { ConformanceCase } from '../types.js';

const { admin } = DEFAULT_ROLE_IDS;

/** `maxAge` (seconds): an older stored snapshot is not used, a younger one is, and the loaded one expires too. */
export const maxAge: ConformanceCase = {
  id: 'max-age',
  title: 'maxAge expiry: a stored snapshot older than maxAge is re-fetched, a younger one is used, a loaded one expires',
  expected: {
    olderThanMaxAge: { markerGranted: false, fetches: 1, storeRefreshed: true },
    youngerThanMaxAge: { markerGranted: true, fetches: 1 },
    loadedExpires: { fetches: [2, 2, 3], storeReads: 2 },
  },
  async run(ctx) {
    const store = await ctx.openStore();
    const key = snapshotKey(ctx.main.orgId);

    await store.set(key, plantedSnapshot({ orgId: ctx.main.orgId, adminExtra: { age: 'old' }, fetchedAt: nowS() - 600 }));
    const oldClient = ctx.client(await ctx.openStore(), { maxAge: 300 });
    const olderThanMaxAge = {
      markerGranted: await oldClient.roles.validate(admin, 'age', 'old'),
      fetches: await ctx.emu.roleFetches(),
      storeRefreshed: nowS() - ((await ctx.stored(store))?.fetchedAt ?? 0) < 60,
    };

    await store.set(key, plantedSnapshot({ orgId: ctx.main.orgId, adminExtra: { age: 'young' }, fetchedAt: nowS() - 10 }));
    const youngClient = ctx.client(await ctx.openStore(), { maxAge: 300 });
    const youngerThanMaxAge = {
      markerGranted: await youngClient.roles.validate(admin, 'age', 'young'),
      fetches: await ctx.emu.roleFetches(),
    };

    const counting = ctx.counting(await ctx.openStore(ctx.main, 'expiry'));
    const shortLived = ctx.client(counting, { maxAge: 1 });
    const fetches: number[] = [];
    await shortLived.roles.countRoles();
    fetches.push(await ctx.emu.roleFetches());
    await shortLived.roles.countRoles();
    fetches.push(await ctx.emu.roleFetches());
    await ctx.sleep(1_100);
    await shortLived.roles.countRoles();
    fetches.push(await ctx.emu.roleFetches());
    return { olderThanMaxAge, youngerThanMaxAge, loadedExpires: { fetches, storeReads: counting.reads } };
  },
};
