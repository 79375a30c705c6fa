// Bundled into a module worker by the workerd test: the client and the store run inside workerd.
import { AuthLiteClient } from '@authlite/core';
import { type ConformanceConfig, ManualClock, runConformance } from '@authlite/store-conformance';
import { type CloudflareKvNamespace, createKvStore, fromCloudflareKv } from '../../src/index.js';
import { kvTarget } from '../kv-target.js';

interface KvNamespace extends CloudflareKvNamespace {
  list(options: { prefix: string }): Promise<{ keys: { name: string; expiration?: number }[] }>;
}

interface Env {
  ROLES: KvNamespace;
}

const ADMIN = 'rol_adm_00000000000000a1';

/** One client for the whole isolate, as apps keep it at module scope: shared by every request. */
let shared: AuthLiteClient | undefined;
/** Called when the shared client starts a `GET /rbac/role`; set by a request that gives up then. */
let onRoleFetch: (() => void) | undefined;

function sharedClient(config: ConformanceConfig, env: Env): AuthLiteClient {
  const { main } = config.orgs;
  shared ??= new AuthLiteClient({
    apiKey: main.apiKey,
    secretKey: main.secretKey,
    orgId: main.orgId,
    baseUrl: config.emulatorUrl,
    roleStore: createKvStore(fromCloudflareKv(env.ROLES), { prefix: `${config.runId}-shared:` }),
    fetch: (input, init) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname.endsWith('/rbac/role')) onRoleFetch?.();
      return fetch(input, init);
    },
  });
  return shared;
}

/**
 * A permission check on the shared client; with `?giveUp=on-role-fetch` the request ends
 * (504) as soon as its `GET /rbac/role` is sent, leaving that fetch under way.
 */
async function check(request: Request, env: Env): Promise<Response> {
  const config = (await request.json()) as ConformanceConfig;
  const giveUp = new URL(request.url).searchParams.get('giveUp') === 'on-role-fetch';
  let fetchStarted: Promise<'gave up'> | undefined;
  if (giveUp) fetchStarted = new Promise((resolve) => (onRoleFetch = () => resolve('gave up')));
  const answer = sharedClient(config, env).roles.validate(ADMIN, 'billing', 'write');
  if (fetchStarted) {
    const first = await Promise.race([answer, fetchStarted]);
    onRoleFetch = undefined;
    if (first === 'gave up') {
      answer.catch(() => undefined);
      return new Response('gave up', { status: 504 });
    }
    return Response.json({ allowed: first });
  }
  return Response.json({ allowed: await answer });
}

/** A store with `ttl: 1`: Workers KV keeps the key 60 s, the store reads it as absent after 1 s. */
async function shortTtl(env: Env): Promise<Response> {
  const prefix = `ttl-${Date.now()}:`;
  const rawRejectsShortTtl = await env.ROLES.put(`${prefix}raw`, 'x', { expirationTtl: 1 }).then(
    () => false,
    () => true,
  );
  const clock = new ManualClock();
  const store = createKvStore(fromCloudflareKv(env.ROLES), { prefix, ttl: 1, clock });
  const snapshot = { v: 1 as const, orgId: 'org', roles: [], edge: 0, fetchedAt: Date.now() / 1000 };
  const beforePutS = Date.now() / 1000;
  await store.set('k', snapshot);
  const afterPutS = Date.now() / 1000;
  const atOnce = await store.get('k');
  const listed = (await env.ROLES.list({ prefix })).keys.find((k) => k.name === `${prefix}k`);
  // Seconds KV keeps the key, bracketed by the put: never measured against a later read of the clock.
  const kvKeepsForS =
    listed?.expiration === undefined
      ? null
      : { fromBeforePut: Math.floor(listed.expiration - beforePutS), fromAfterPut: Math.ceil(listed.expiration - afterPutS) };
  clock.advanceS(1.2);
  return Response.json({
    rawRejectsShortTtl,
    atOnce: JSON.stringify(atOnce) === JSON.stringify(snapshot),
    kvKeepsForS,
    afterTtl: (await store.get('k')) ?? null,
    stillInKv: (await env.ROLES.get(`${prefix}k`, { type: 'text' })) !== null,
  });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    switch (new URL(request.url).pathname) {
      case '/conformance': {
        const config = (await request.json()) as ConformanceConfig;
        return Response.json(
          await runConformance(
            kvTarget('workers kv (workerd)', () => fromCloudflareKv(env.ROLES)),
            config,
          ),
        );
      }
      case '/check':
        return check(request, env);
      case '/short-ttl':
        return shortTtl(env);
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
