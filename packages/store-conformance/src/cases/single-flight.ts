import type { AuthLiteClient } from '@authlite/core';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import type { ConformanceCase } from '../types.js';

const { admin, editor, viewer } = DEFAULT_ROLE_IDS;
const CONCURRENT = 50;

/** (role, key, value, expected answer), cycled over the concurrent checks. */
const CHECKS: [string, string, string, boolean][] = [
  [admin, 'billing', 'write', true],
  [viewer, 'billing', 'write', false],
  [editor, 'posts', 'publish', true],
  [viewer, 'reports', 'read', true],
  [editor, 'user', 'administration', false],
];

/** Runs {@link CONCURRENT} checks at once and counts the right answers. */
async function wave(client: AuthLiteClient): Promise<number> {
  const answers = await Promise.all(
    Array.from({ length: CONCURRENT }, (_, i) => {
      const [roleId, key, value, expected] = CHECKS[i % CHECKS.length] as (typeof CHECKS)[number];
      return client.roles.validate(roleId, key, value).then((answer) => answer === expected);
    }),
  );
  return answers.filter(Boolean).length;
}

/** Concurrent triggers share one fetch: on an empty store, after a new X-EDGE, and one store read on a loaded store. */
export const singleFlight: ConformanceCase = {
  id: 'single-flight',
  title: `single-flight: ${CONCURRENT} concurrent checks cause one store read and at most one fetch`,
  expected: {
    emptyStore: { correct: CONCURRENT, fetches: 1, storeReads: 1, storeWrites: 1 },
    afterNewEdge: { correct: CONCURRENT, fetches: 2 },
    loadedStore: { correct: CONCURRENT, fetches: 2, storeReads: 1 },
  },
  async run(ctx) {
    // A slow GET /rbac/role, so that every check arrives while the fetch is under way.
    await ctx.emu.faults([{ method: 'GET', path: '/rbac/role', delay_ms: 300 }]);
    const counting = ctx.counting(await ctx.openStore());
    const client = ctx.client(counting);
    const emptyStore = {
      correct: await wave(client),
      fetches: await ctx.emu.roleFetches(),
      storeReads: counting.reads,
      storeWrites: counting.writes,
    };

    const writer = ctx.client(await ctx.openStore(ctx.main, 'writer'));
    await writer.roles.addRole('flight-crew', { flight: 'board' });
    await client.getUser(await ctx.emu.login(ctx.main.orgId, 'alice@example.com'));
    const afterNewEdge = { correct: await wave(client), fetches: await ctx.emu.roleFetches() };

    const loaded = ctx.counting(await ctx.openStore());
    const second = ctx.client(loaded);
    const loadedStore = { correct: await wave(second), fetches: await ctx.emu.roleFetches(), storeReads: loaded.reads };
    return { emptyStore, afterNewEdge, loadedStore };
  },
};
