import { snapshotKey } from '@authlite/core/store';
import { markerSnapshot, roleIds } from '../snapshots.js';
import type { ConformanceCase } from '../types.js';

const FIRST = 'rol_mrk_000000000000001a';
const SECOND = 'rol_mrk_000000000000002b';

/** A second `set` replaces the first; a client's own write replaces the stored snapshot too. */
export const overwrite: ConformanceCase = {
  id: 'overwrite',
  title: "overwrite: a second set replaces the first, and a client's role write replaces the stored snapshot",
  expected: {
    direct: [SECOND],
    clientWrite: { storedRoles: 4, storedHasNewRole: true, restartedSees: true, restartedCount: 4, fetches: 1 },
  },
  async run(ctx) {
    const store = await ctx.openStore();
    const key = snapshotKey(ctx.main.orgId);
    await store.set(key, markerSnapshot(ctx.main.orgId, FIRST, 'first'));
    await store.set(key, markerSnapshot(ctx.main.orgId, SECOND, 'second'));
    const direct = roleIds(await ctx.stored(store));

    const writerStore = await ctx.openStore(ctx.main, 'writer');
    const writer = ctx.client(writerStore);
    await writer.roles.countRoles();
    const role = await writer.roles.addRole('auditor', { audit: 'read' });
    const saved = await ctx.stored(writerStore);
    const restarted = ctx.client(await ctx.openStore(ctx.main, 'writer'));
    return {
      direct,
      clientWrite: {
        storedRoles: saved?.roles.length ?? 0,
        storedHasNewRole: saved?.roles.some((r) => r.rol_id === role.rol_id) ?? false,
        restartedSees: await restarted.roles.validate(role.rol_id, 'audit', 'read'),
        restartedCount: await restarted.roles.countRoles(),
        fetches: await ctx.emu.roleFetches(),
      },
    };
  },
};
