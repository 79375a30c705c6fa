// Bundled into a module worker by unstorage-workerd.test.ts: the client and the store run inside
// workerd, on Workers KV through unstorage's cloudflare-kv-binding driver.
import { type ConformanceConfig, runConformance, type StoreTarget } from '@authlite/store-conformance';
import { createStorage } from 'unstorage';
import cloudflareKVBindingDriver from 'unstorage/drivers/cloudflare-kv-binding';
import { createUnstorageStore } from '../../src/index.js';

interface KvNamespace {
  get(key: string, options?: { type: 'text' }): Promise<string | null>;
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  list(options: { prefix: string }): Promise<{ keys: { name: string; expiration?: number }[] }>;
}

interface Env {
  ROLES: KvNamespace;
}

/** The README's Cloudflare set-up: a Storage on the KV binding. */
function rolesStorage(env: Env) {
  return createStorage({ driver: cloudflareKVBindingDriver({ binding: env.ROLES }) });
}

function target(env: Env): StoreTarget {
  return {
    name: 'workers kv through unstorage (workerd)',
    openStore: (space) => createUnstorageStore(rolesStorage(env), { prefix: `${space}:` }),
    writeRaw: (space, _orgId, key, raw) =>
      rolesStorage(env).setItem(`${space}:${key}`, JSON.stringify({ expiresAt: Date.now() / 1000 + 3600, value: raw }), { ttl: 3600 }),
  };
}

/** A store with `ttl: 1`: the adapter asks Workers KV for its 60 s minimum, the envelope expires after 1 s. */
async function shortTtl(env: Env): Promise<Response> {
  const prefix = `ttl-${Date.now()}:`;
  const store = createUnstorageStore(rolesStorage(env), { prefix, ttl: 1 });
  const snapshot = { v: 1 as const, orgId: 'org', roles: [], edge: 0, fetchedAt: Date.now() / 1000 };
  const beforePutS = Date.now() / 1000;
  await store.set('k', snapshot);
  const afterPutS = Date.now() / 1000;
  const atOnce = JSON.stringify(await store.get('k')) === JSON.stringify(snapshot);
  const listed = (await env.ROLES.list({ prefix })).keys.find((k) => k.name === `${prefix}k`);
  // Seconds KV keeps the key, bracketed by the put: never measured against a later read of the clock.
  const kvKeepsForS =
    listed?.expiration === undefined
      ? null
      : { fromBeforePut: Math.floor(listed.expiration - beforePutS), fromAfterPut: Math.ceil(listed.expiration - afterPutS) };
  const longKey = await store.get('k'.repeat(600)).then(
    () => 'read',
    (error: unknown) => (error instanceof RangeError ? error.message : String(error)),
  );
  // The envelope's own expiry is `ttl` after the save, whatever KV keeps (read as absent past it: see envelope tests).
  const kept = JSON.parse((await env.ROLES.get(`${prefix}k`, { type: 'text' })) ?? 'null') as { expiresAt: number } | null;
  return Response.json({ atOnce, kvKeepsForS, longKey, envelopeTtlS: kept && Math.round(kept.expiresAt - snapshot.fetchedAt) });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    switch (new URL(request.url).pathname) {
      case '/conformance':
        return Response.json(await runConformance(target(env), (await request.json()) as ConformanceConfig));
      case '/short-ttl':
        return shortTtl(env);
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
