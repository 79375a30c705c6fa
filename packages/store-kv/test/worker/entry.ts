// Bundled into a module worker by the workerd test: the client and the store run inside workerd.
import { AuthLiteClient } from '@authlite/core';
import { type ConformanceConfig, runConformance } from '@authlite/store-conformance';
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

function sharedClient(config: ConformanceConfig, env: Env): AuthLiteClient {
  const { main } = config.orgs;
  shared ??= new AuthLiteClient({
    apiKey: main.apiKey,
    secretKey: main.secretKey,
    orgId: main.orgId,
    baseUrl: config.emulatorUrl,
    roleStore: createKvStore(fromCloudflareKv(env.ROLES), { prefix: `${config.runId}-shared:` }),
  });
  return shared;
}

/** A permission check on the shared client; with `deadline` (ms) the request gives up and ends first if the check is slower. */
async function check(request: Request, env: Env): Promise<Response> {
  const config = (await request.json()) as ConformanceConfig;
  const deadline = Number(new URL(request.url).searchParams.get('deadline') ?? 0);
  const answer = sharedClient(config, env).roles.validate(ADMIN, 'billing', 'write');
  if (deadline > 0) {
    const timer = new Promise<'gave up'>((resolve) => setTimeout(() => resolve('gave up'), deadline));
    const first = await Promise.race([answer, timer]);
    if (first === 'gave up') {
      answer.catch(() => undefined);
      return new Response('gave up', { status: 504 });
    }
    return Response.json({ allowed: first });
  }
  return Response.json({ allowed: await answer });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store with `ttl: 1`: Workers KV keeps the key 60 s, the store reads it as absent after 1 s. */
async function shortTtl(env: Env): Promise<Response> {
  const prefix = `ttl-${Date.now()}:`;
  const rawRejectsShortTtl = await env.ROLES.put(`${prefix}raw`, 'x', { expirationTtl: 1 }).then(
    () => false,
    () => true,
  );
  const store = createKvStore(fromCloudflareKv(env.ROLES), { prefix, ttl: 1 });
  const snapshot = { v: 1 as const, orgId: 'org', roles: [], edge: 0, fetchedAt: Date.now() / 1000 };
  await store.set('k', snapshot);
  const atOnce = await store.get('k');
  const listed = (await env.ROLES.list({ prefix })).keys.find((k) => k.name === `${prefix}k`);
  const kvKeepsForS = listed?.expiration === undefined ? null : Math.round(listed.expiration - Date.now() / 1000);
  await sleep(1_200);
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
