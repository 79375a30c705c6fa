// Bundled into one module by the Deno test and run by the Deno CLI (`deno run --unstable-kv`).
// Usage: <bundle> <mode> <config JSON> <directory for the KV database>; prints one JSON line.
import { type ConformanceConfig, runConformance } from '@authlite/store-conformance';
import { createKvStore, DENO_KV_CHUNK_BYTES, type DenoKv, fromDenoKv } from '../../src/index.js';
import { kvTarget } from '../kv-target.js';

interface DenoKvHandle extends DenoKv {
  set(key: readonly unknown[], value: unknown): Promise<unknown>;
  close(): void;
}
declare const Deno: { args: string[]; openKv(path: string): Promise<DenoKvHandle> };

const [mode, configJson, dir] = Deno.args;
const handles: DenoKvHandle[] = [];
/** A new connection to the one database of this run, as another isolate would open it. */
async function openKv(): Promise<DenoKvHandle> {
  const kv = await Deno.openKv(`${dir}/roles.sqlite3`);
  handles.push(kv);
  return kv;
}
const closeAll = () => {
  for (const kv of handles.splice(0)) kv.close();
};

/** A well-formed snapshot of `roles` roles with `permissions` permissions each. */
function bigSnapshot(roles: number, permissions: number, tag: string) {
  const orgId = 'f'.repeat(64);
  return {
    v: 1 as const,
    orgId,
    roles: Array.from({ length: roles }, (_, r) => ({
      org_id: orgId,
      rol_id: `rol_big_${r.toString(16).padStart(16, '0')}`,
      name: `role-${r}-${tag}`,
      permissions: Array.from({ length: permissions }, (_, p) => ({ [`resource-${p}`]: `action-${r}-${p}-${tag}` })),
    })),
    edge: roles,
    fetchedAt: Date.now() / 1000,
  };
}

async function countEntries(kv: DenoKvHandle, prefix: readonly unknown[]): Promise<number> {
  let n = 0;
  for await (const _ of kv.list({ prefix: prefix as never })) n++;
  return n;
}

async function limits(): Promise<unknown> {
  const kv = await openKv();
  const store = createKvStore(fromDenoKv(kv), { prefix: 'limits:' });
  const big = bigSnapshot(100, 20, 'a');
  const bytes = new TextEncoder().encode(JSON.stringify(big)).length;
  const rawRejectsBig = await kv.set(['raw-big'], JSON.stringify(big)).then(
    () => false,
    () => true,
  );
  await store.set('big', big);
  const other = createKvStore(fromDenoKv(await openKv()), { prefix: 'limits:' });
  const bigBack = JSON.stringify(await other.get('big')) === JSON.stringify(big);
  const chunksAfterBig = await countEntries(kv, ['authlite', 'limits:big']);
  await store.set('big', bigSnapshot(2, 2, 'small'));
  const chunksAfterSmall = await countEntries(kv, ['authlite', 'limits:big']);
  // Two connections write different big snapshots at once: one wins whole, no chunk is left over.
  const [x, y] = [bigSnapshot(100, 20, 'x'), bigSnapshot(100, 20, 'y')];
  await Promise.all([store.set('race', x), other.set('race', y)]);
  const raced = JSON.stringify(await store.get('race'));
  const chunksAfterRace = await countEntries(kv, ['authlite', 'limits:race']);
  const expiring = createKvStore(fromDenoKv(kv), { prefix: 'ttl:', ttl: 1 });
  await expiring.set('k', bigSnapshot(1, 1, 't'));
  const expiryAtOnce = (await expiring.get('k')) !== undefined;
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  return {
    bytes,
    chunkBytes: DENO_KV_CHUNK_BYTES,
    rawRejectsBig,
    bigBack,
    chunksAfterBig,
    chunksAfterSmall,
    raceWhole: raced === JSON.stringify(x) || raced === JSON.stringify(y),
    chunksAfterRace,
    expiryAtOnce,
    expiryAfterTtl: (await expiring.get('k')) ?? null,
  };
}

async function main(): Promise<unknown> {
  try {
    if (mode === 'conformance') {
      const config = JSON.parse(configJson ?? '{}') as ConformanceConfig;
      return await runConformance(
        kvTarget('deno kv (deno cli)', async () => fromDenoKv(await openKv()), closeAll),
        config,
      );
    }
    if (mode === 'limits') return await limits();
    throw new Error(`unknown mode ${mode}`);
  } finally {
    closeAll();
  }
}

console.log(JSON.stringify(await main()));
