import { snapshotKey } from '@authlite/core/store';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { nowS, plantedSnapshot } from '../snapshots.js';
import type { CaseContext, ConformanceCase } from '../types.js';

const { admin } = DEFAULT_ROLE_IDS;
/** What each planted snapshot grants the admin role; a client that trusted it would answer true. */
const FORGED = { vault: 'open' };

interface Variant {
  name: string;
  plant(ctx: CaseContext): Promise<void>;
}

const variants: Variant[] = [
  { name: 'cut-short JSON', plant: (ctx) => ctx.writeRaw('{"v":1,"orgId":"') },
  { name: 'not JSON', plant: (ctx) => ctx.writeRaw('roles: everything, for everyone') },
  {
    name: 'JSON of the wrong shape',
    plant: (ctx) => ctx.writeRaw(JSON.stringify({ v: 1, orgId: ctx.main.orgId, roles: 'all', edge: 3, fetchedAt: nowS() })),
  },
  {
    name: 'another schema version',
    plant: (ctx) => ctx.writeRaw(JSON.stringify({ ...plantedSnapshot({ orgId: ctx.main.orgId, adminExtra: FORGED }), v: 999 })),
  },
  {
    name: 'another organisation',
    plant: async (ctx) => {
      const store = await ctx.openStore();
      await store.set(snapshotKey(ctx.main.orgId), plantedSnapshot({ orgId: ctx.other.orgId, adminExtra: FORGED }));
    },
  },
];

/** Corrupt, foreign and other-version snapshots are discarded and re-fetched, never trusted, never a crash. */
export const invalidSnapshots: ConformanceCase = {
  id: 'invalid-snapshots',
  title: 'corrupt and foreign snapshots: discarded and re-fetched, never trusted, never a crash',
  expected: Object.fromEntries(variants.map((v) => [v.name, { allowed: true, forgedGranted: false, fetched: 1, repaired: true }])),
  async run(ctx) {
    const out: Record<string, unknown> = {};
    for (const variant of variants) {
      await variant.plant(ctx);
      const before = await ctx.emu.roleFetches();
      const store = await ctx.openStore();
      const client = ctx.client(store);
      const allowed = await client.roles.validate(admin, 'billing', 'write');
      const forgedGranted = await client.roles.validate(admin, 'vault', 'open');
      const repaired = await ctx.stored(store);
      out[variant.name] = {
        allowed,
        forgedGranted,
        fetched: (await ctx.emu.roleFetches()) - before,
        repaired: repaired !== undefined && repaired.orgId === ctx.main.orgId && repaired.roles.length === 3,
      };
    }
    return out;
  },
};
