import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import type { ConformanceCase } from '../types.js';

const { admin, viewer } = DEFAULT_ROLE_IDS;
const CONCURRENT = 10;
/** Deadline of each store call for the first part, milliseconds: short, the store never answers anyway. */
const SHORT_DEADLINE_MS = 50;
/** Longer than the suite's own time limit: a client that waits on the hung read fails the run. */
const NO_DEADLINE_MS = 600_000;

/**
 * A backend that never answers: checks fall back to `GET /rbac/role` once the store's deadline
 * passes (reads count as empty, writes as skipped), later checks answer from memory, and
 * `roles.refresh()` never waits on a hung read (which is given up when the fetch lands).
 */
export const hangingBackend: ConformanceCase = {
  id: 'hanging-backend',
  title: 'a backend that never answers: checks fetch after the store deadline, later checks and refresh() never wait on it',
  expected: {
    hungStore: { correct: CONCURRENT, later: [true, false], fetches: 1, reads: 1, writes: 1, settled: 0 },
    refreshDuringHungRead: { refreshedCount: 3, checkGranted: true, fetches: 2, reads: 1, settled: 1 },
  },
  async run(ctx) {
    const hung = ctx.counting(await ctx.hangingStore('reads-and-writes'));
    const client = ctx.client(hung, { storeTimeout: SHORT_DEADLINE_MS });
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, () => client.roles.validate(admin, 'billing', 'write')));
    const later = [await client.roles.validate(admin, 'billing', 'write'), await client.roles.validate(viewer, 'billing', 'write')];
    const hungStore = {
      correct: answers.filter((answer) => answer === true).length,
      later,
      fetches: await ctx.emu.roleFetches(),
      reads: hung.reads,
      writes: hung.writes,
      settled: hung.settled,
    };

    const readsHang = ctx.counting(await ctx.hangingStore('reads'));
    const patient = ctx.client(readsHang, { storeTimeout: NO_DEADLINE_MS });
    const check = patient.roles.validate(admin, 'billing', 'write');
    const refreshed = await patient.roles.refresh();
    const refreshDuringHungRead = {
      refreshedCount: refreshed.count(),
      checkGranted: await check,
      fetches: await ctx.emu.roleFetches(),
      reads: readsHang.reads,
      settled: readsHang.settled,
    };
    return { hungStore, refreshDuringHungRead };
  },
};
