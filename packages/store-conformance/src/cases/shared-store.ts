import type { ConformanceCase } from '../types.js';

/** Longest a loaded snapshot is trusted in this case, seconds. */
const MAX_AGE_S = 2;

/** Two clients on two handles of one store see the same roles: after the other's write, past maxAge or at the next X-EDGE. */
export const sharedStore: ConformanceCase = {
  id: 'shared-store',
  title: "two clients sharing one store: B loads A's snapshot, sees A's new role after maxAge or the next X-EDGE",
  expected: {
    bLoadedFromStore: { count: 3, fetches: 1 },
    beforeMaxAge: false,
    afterMaxAge: { sees: true, fetches: 2 },
    afterDelete: { beforeEdge: true, afterEdge: false, fetches: 3 },
  },
  async run(ctx) {
    const a = ctx.client(await ctx.openStore(), { maxAge: MAX_AGE_S });
    const b = ctx.client(await ctx.openStore(), { maxAge: MAX_AGE_S });
    await a.roles.countRoles();
    const bLoadedFromStore = { count: await b.roles.countRoles(), fetches: await ctx.emu.roleFetches() };

    const role = await a.roles.addRole('shared-reader', { shared: 'read' });
    const beforeMaxAge = await b.roles.validate(role.rol_id, 'shared', 'read');
    ctx.clock.advanceS(MAX_AGE_S + 0.1);
    // A re-fetches and saves; B's loaded snapshot is past maxAge, so B reads the store again and takes A's.
    await a.roles.refresh();
    const afterMaxAge = { sees: await b.roles.validate(role.rol_id, 'shared', 'read'), fetches: await ctx.emu.roleFetches() };

    await a.roles.deleteRole(role.rol_id);
    const beforeEdge = await b.roles.validate(role.rol_id, 'shared', 'read');
    // Any answer to B now carries X-EDGE: 3, which differs from B's 4.
    await b.getUser(await ctx.emu.login(ctx.main.orgId, 'alice@example.com'));
    const afterEdge = await b.roles.validate(role.rol_id, 'shared', 'read');
    return { bLoadedFromStore, beforeMaxAge, afterMaxAge, afterDelete: { beforeEdge, afterEdge, fetches: await ctx.emu.roleFetches() } };
  },
};
