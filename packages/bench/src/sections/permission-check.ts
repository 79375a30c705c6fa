import { AuthLiteClient, type RoleIndex, type RoleSnapshot, type RoleStore } from '@authlite/core';
import { SNAPSHOT_VERSION, snapshotKey } from '@authlite/core/store';
import { MemoryRoleStore } from '@authlite/store-memory';
import { atMost, BUDGET } from '../budget.js';
import { IdbBenchStore } from '../fixtures/idb-store.js';
import { type Check, makeChecks, makeRoles, plainMap } from '../fixtures/roles.js';
import { do_not_optimize, inRounds, time } from '../harness.js';
import { fig, type Row } from '../results.js';
import { type Figure, figure, ratioFigure } from '../stats.js';

const SECTION = '2 permission check';
const ORG = 'bench-org';

/** Options of the permission check section. */
export interface PermissionOptions {
  rounds: number;
  /** Measured time per variant per round, milliseconds. */
  minTimeMs: number;
}

async function loadedClient(store: RoleStore): Promise<{ client: AuthLiteClient; index: RoleIndex }> {
  // Never fetches: the store holds a fresh snapshot and maxAge is a day. The base URL is unused.
  const client = new AuthLiteClient({
    apiKey: 'benchbenchbenchbench',
    secretKey: 'secretsecretsecret',
    orgId: ORG,
    roleStore: store,
    baseUrl: 'http://127.0.0.1:9',
    maxAge: 86_400,
  });
  const index = await client.roles.load();
  if (index.count() !== 100) throw new Error(`the client loaded ${index.count()} roles, not 100`);
  return { client, index };
}

const VARIANTS = ['map', 'asyncMap', 'canMemory', 'canIdb', 'validateMemory', 'validateIdb'] as const;
type Variant = (typeof VARIANTS)[number];

/**
 * Row 2: ns per check on a loaded role cache of 100 roles x 20 permissions: the synchronous
 * `RoleIndex.can` and the async `roles.validate`, for a client on the memory store and one on
 * an IndexedDB store. `can` against a plain nested `Map` lookup of the same data;
 * `validate` against an `async` function doing that same lookup (the floor of any async
 * method), and for reference against the plain lookup.
 */
export async function benchPermissionCheck(options: PermissionOptions): Promise<Row[]> {
  const roles = makeRoles(ORG);
  const checks = makeChecks(roles);
  const snapshot: RoleSnapshot = { v: SNAPSHOT_VERSION, orgId: ORG, roles, edge: roles.length, fetchedAt: Date.now() / 1000 };
  const memory = new MemoryRoleStore();
  memory.set(snapshotKey(ORG), snapshot);
  const idb = new IdbBenchStore(`authlite-bench-${process.pid}`);
  await idb.set(snapshotKey(ORG), snapshot);
  const mem = await loadedClient(memory);
  const onIdb = await loadedClient(idb);
  const map = plainMap(roles);
  const lookup = ([roleId, key, value]: Check) => map.get(roleId)?.get(key)?.has(value) === true;
  const asyncLookup = async (check: Check) => lookup(check);

  // Every path must answer every check as the plain map does before anything is timed.
  for (const check of checks) {
    const expected = lookup(check);
    const answers = [
      mem.index.can(...check),
      onIdb.index.can(...check),
      await mem.client.roles.validate(...check),
      await onIdb.client.roles.validate(...check),
    ];
    if (answers.some((answer) => answer !== expected))
      throw new Error(`a permission check disagrees with the plain Map for ${check.join(' ')}`);
  }

  let i = 0;
  const next = () => checks[i++ & 1023] as Check;
  const fns: Record<Variant, () => unknown> = {
    map: () => do_not_optimize(lookup(next())),
    asyncMap: async () => do_not_optimize(await asyncLookup(next())),
    canMemory: () => do_not_optimize(mem.index.can(...next())),
    canIdb: () => do_not_optimize(onIdb.index.can(...next())),
    validateMemory: async () => do_not_optimize(await mem.client.roles.validate(...next())),
    validateIdb: async () => do_not_optimize(await onIdb.client.roles.validate(...next())),
  };
  const timings = await inRounds(VARIANTS, options.rounds, (variant) => time(fns[variant], { minTimeMs: options.minTimeMs }));
  const ns = Object.fromEntries(VARIANTS.map((v) => [v, figure(timings[v].map((t) => t.p50Ns))])) as Record<Variant, Figure>;

  const row = (name: string, variant: Variant, baseline: Variant, limit?: number): Row => {
    const ratio = ratioFigure(ns[variant], ns[baseline]);
    return {
      section: SECTION,
      figure: name,
      unit: 'ns',
      authlite: fig(ns[variant]),
      baseline: { name: baseline === 'map' ? 'plain Map lookup' : 'Map lookup in an async fn', value: fig(ns[baseline]) },
      ratio,
      ...(limit === undefined ? {} : { budget: atMost(ratio.median, limit) }),
    };
  };
  return [
    row('RoleIndex.can (sync), memory store', 'canMemory', 'map', BUDGET.syncCheckRatio),
    row('RoleIndex.can (sync), IndexedDB store', 'canIdb', 'map', BUDGET.syncCheckRatio),
    row('roles.validate (async), memory store', 'validateMemory', 'asyncMap', BUDGET.asyncCheckRatio),
    row('roles.validate (async), IndexedDB store', 'validateIdb', 'asyncMap', BUDGET.asyncCheckRatio),
    { ...row('roles.validate (async), memory store', 'validateMemory', 'map'), note: 'reference: against the synchronous lookup' },
  ];
}
