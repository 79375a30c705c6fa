import type { ConformanceCase } from '../types.js';

/** An answer whose `X-EDGE` role count differs from the snapshot's makes the next check re-fetch, and the store follows. */
export const xEdge: ConformanceCase = {
  id: 'x-edge',
  title: 'X-EDGE resync: an answer with another role count makes the next check re-fetch, and the store follows',
  expected: { beforeEdge: false, afterEdge: true, fetches: 2, storedRoles: 4, sameEdgeFetches: 2, restarted: { sees: true, fetches: 2 } },
  async run(ctx) {
    const store = await ctx.openStore();
    const client = ctx.client(store);
    await client.roles.countRoles();
    // Another client, with a store of its own, adds a role: nothing tells `client` yet.
    const writer = ctx.client(await ctx.openStore(ctx.main, 'writer'));
    const role = await writer.roles.addRole('edge-watcher', { edge: 'watch' });
    const beforeEdge = await client.roles.validate(role.rol_id, 'edge', 'watch');
    // Any answer carries X-EDGE: 4 now.
    await client.getUser(await ctx.emu.login(ctx.main.orgId, 'alice@example.com'));
    const afterEdge = await client.roles.validate(role.rol_id, 'edge', 'watch');
    const fetches = await ctx.emu.roleFetches();
    const storedRoles = (await ctx.stored(store))?.roles.length ?? 0;
    // The same count again changes nothing.
    await client.getUser(await ctx.emu.login(ctx.main.orgId, 'bob@example.com'));
    await client.roles.countRoles();
    const sameEdgeFetches = await ctx.emu.roleFetches();
    const restarted = ctx.client(await ctx.openStore());
    return {
      beforeEdge,
      afterEdge,
      fetches,
      storedRoles,
      sameEdgeFetches,
      restarted: { sees: await restarted.roles.validate(role.rol_id, 'edge', 'watch'), fetches: await ctx.emu.roleFetches() },
    };
  },
};
