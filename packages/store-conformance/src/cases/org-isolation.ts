import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { MAIN_ROLE_IDS, OTHER_ROLE_ID } from '../seed.js';
import { roleIds } from '../snapshots.js';
import type { ConformanceCase } from '../types.js';

const { admin } = DEFAULT_ROLE_IDS;

/** Two organisations on one backend never see each other's roles, even with a store handle of the wrong organisation. */
export const orgIsolation: ConformanceCase = {
  id: 'org-isolation',
  title: "per-organisation isolation: two organisations on one backend never see each other's roles",
  expected: {
    counts: { main: 3, other: 1 },
    mainSeesOther: false,
    otherSeesMain: false,
    mainAfterOtherWrite: 3,
    stored: { main: MAIN_ROLE_IDS, otherCount: 2, otherHasMainRole: false },
    fetches: 2,
    crossWired: { count: 2, seesMain: false, mainStoreUnchanged: true },
  },
  async run(ctx) {
    const mainStore = await ctx.openStore(ctx.main);
    const otherStore = await ctx.openStore(ctx.other);
    const main = ctx.client(mainStore, { org: ctx.main });
    const other = ctx.client(otherStore, { org: ctx.other });
    const counts = { main: await main.roles.countRoles(), other: await other.roles.countRoles() };
    const mainSeesOther = await main.roles.validate(OTHER_ROLE_ID, 'vault', 'open');
    const otherSeesMain = await other.roles.validate(admin, 'billing', 'write');
    await other.roles.addRole('vault-closer', { vault: 'close' });
    const mainAfterOtherWrite = await main.roles.countRoles();
    const storedOther = await ctx.stored(otherStore, ctx.other);
    const stored = {
      main: roleIds(await ctx.stored(mainStore, ctx.main)),
      otherCount: storedOther?.roles.length ?? 0,
      otherHasMainRole: storedOther?.roles.some((r) => MAIN_ROLE_IDS.includes(r.rol_id)) ?? false,
    };
    const fetches = await ctx.emu.roleFetches();
    // Misconfigured: a client of the other organisation handed the main organisation's store.
    const before = JSON.stringify(await ctx.stored(mainStore, ctx.main));
    const crossed = ctx.client(mainStore, { org: ctx.other });
    const crossWired = {
      count: await crossed.roles.countRoles(),
      seesMain: await crossed.roles.validate(admin, 'billing', 'write'),
      mainStoreUnchanged: JSON.stringify(await ctx.stored(mainStore, ctx.main)) === before,
    };
    return { counts, mainSeesOther, otherSeesMain, mainAfterOtherWrite, stored, fetches, crossWired };
  },
};
