// The example worker, bundled as wrangler would (workerd conditions), run in workerd through
// Miniflare with a real KV namespace, against the emulator over HTTP on 127.0.0.1.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { WORKER_BUNDLE_OPTIONS } from '@authlite/test-helpers';
import { build } from 'esbuild';
import { Miniflare, type MiniflareOptions } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let emulator: RunningEmulator;
let mf: Miniflare;
let options: MiniflareOptions;

interface KvView {
  list(): Promise<{ keys: { name: string }[] }>;
  get(key: string, type: 'json'): Promise<unknown>;
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

async function call(
  path: string,
  token?: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await mf.dispatchFetch(`http://worker.local${path}`, {
    ...init,
    redirect: 'manual',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) },
  } as never);
  const text = await response.text();
  return {
    status: response.status,
    body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : { text },
    headers: response.headers as unknown as Headers,
  };
}

/** Logs `email` in through the worker's callback with a code from the control API. */
async function login(email: string): Promise<{ access_token: string; refresh_token: string }> {
  const { code } = (await control('login', { org_id: emulator.org_id, email })) as { code: string };
  const { status, body } = await call(`/auth/callback?code=${code}`);
  expect(status).toBe(200);
  expect(body['email']).toBe(email);
  return body as { access_token: string; refresh_token: string };
}

async function roleFetches(): Promise<number> {
  const log = (await control('requests')) as { path: string }[];
  return log.filter((entry) => entry.path === '/rbac/role').length;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  const bundle = await build({
    entryPoints: [join(root, 'src/worker.ts')],
    ...WORKER_BUNDLE_OPTIONS,
  });
  options = {
    modules: true,
    script: bundle.outputFiles[0]?.text ?? '',
    compatibilityDate: '2026-07-01',
    cf: false,
    kvNamespaces: ['ROLES'],
    kvPersist: await mkdtemp(join(tmpdir(), 'authlite-kv-')),
    bindings: {
      TRUSTAUTHX_API_KEY: emulator.api_key,
      TRUSTAUTHX_SECRET_KEY: emulator.secret_key,
      TRUSTAUTHX_ORG_ID: emulator.org_id,
      TRUSTAUTHX_BASE_URL: emulator.url,
      TRUSTAUTHX_WIDGET_URL: emulator.widget_url,
    },
  };
  mf = new Miniflare(options);
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await emulator?.stop();
});

describe('the Cloudflare Worker example in workerd', () => {
  it('sends /login to the hosted login widget', async () => {
    const { status, headers } = await call('/login');
    expect(status).toBe(302);
    expect(headers.get('location')).toBe(`${emulator.widget_url}?org_id=${emulator.org_id}`);
  });

  it('refuses the API without a valid bearer token (401), and a bad code at the callback', async () => {
    expect((await call('/api/me')).status).toBe(401);
    const bad = await call('/api/me', 'not-a-token');
    expect([bad.status, bad.body['error']]).toEqual([401, 'invalid or expired access token']);
    const callback = await call('/auth/callback?code=unknown-code');
    expect([callback.status, callback.body['error'], callback.body['status']]).toEqual([401, 'ERR_HTTP', 401]);
  });

  it('allows a route the role grants and forbids one it does not; roles end up in Workers KV', async () => {
    const alice = await login('alice@example.com');
    const bob = await login('bob@example.com');
    const me = await call('/api/me', bob.access_token);
    expect(me.body).toEqual({
      path: '/api/me',
      uid: 'b0b00000000000000000000000000002',
      email: 'bob@example.com',
      roles: [DEFAULT_ROLE_IDS.viewer],
    });
    expect((await call('/api/reports', bob.access_token)).status).toBe(200);
    const forbidden = await call('/api/billing', bob.access_token);
    expect([forbidden.status, forbidden.body['error']]).toEqual([403, 'needs the permission billing=write']);
    const allowed = await call('/api/billing', alice.access_token);
    expect([allowed.status, allowed.body['email']]).toEqual([200, 'alice@example.com']);
    expect(await roleFetches()).toBe(1);

    // Miniflare's binding, typed here by hand (no @cloudflare/workers-types in this example).
    const kv = (await mf.getKVNamespace('ROLES')) as unknown as KvView;
    const { keys } = await kv.list();
    expect(keys.map((key) => key.name)).toEqual([`authlite:roles:v1:${emulator.org_id}`]);
    expect(JSON.stringify(await kv.get(keys[0]?.name ?? '', 'json'))).toContain(DEFAULT_ROLE_IDS.editor);
  });

  it('100 requests with a permission check answer from the role cache: no further GET /rbac/role', async () => {
    const alice = await login('alice@example.com');
    const before = await roleFetches();
    for (let i = 0; i < 100; i++) expect((await call('/api/billing', alice.access_token)).status).toBe(200);
    expect((await roleFetches()) - before).toBe(0);
  });

  it('starts a new isolate warm: its permission checks read the roles from KV, not the API', async () => {
    await mf.setOptions(options); // restarts workerd: a fresh isolate, the same persisted KV
    const alice = await login('alice@example.com');
    expect((await call('/api/billing', alice.access_token)).status).toBe(200);
    expect(await roleFetches()).toBe(1);
  });

  it('refuses an expired access token and serves the refreshed pair', async () => {
    const alice = await login('alice@example.com');
    await control('clock', { advance_s: 3601 });
    // The SDK refuses signed answers issued later than its own clock: move the worker's clock too.
    options = { ...options, bindings: { ...options.bindings, TRUSTAUTHX_CLOCK_OFFSET_S: '3601' } };
    await mf.setOptions(options);
    expect((await call('/api/me', alice.access_token)).status).toBe(401);
    const refreshed = await call('/auth/refresh', undefined, {
      method: 'POST',
      body: JSON.stringify({ refresh_token: alice.refresh_token }),
    });
    expect(refreshed.status).toBe(200);
    const access = String(refreshed.body['access_token']);
    expect(access).not.toBe(alice.access_token);
    expect((await call('/api/me', access)).body['email']).toBe('alice@example.com');
    // A second tab with the same refresh token gets the same pair (the client remembers the rotation).
    const secondTab = await call('/auth/refresh', undefined, {
      method: 'POST',
      body: JSON.stringify({ refresh_token: alice.refresh_token }),
    });
    expect([secondTab.status, secondTab.body['access_token']]).toEqual([200, access]);
    // A new isolate has no such record: the used refresh token is refused.
    await mf.setOptions(options);
    const reused = await call('/auth/refresh', undefined, { method: 'POST', body: JSON.stringify({ refresh_token: alice.refresh_token }) });
    expect([reused.status, reused.body['error']]).toEqual([401, 'ERR_HTTP']);
  });

  it('two tabs refreshing at once (the refresh answered in 300 ms): both 200 with the same pair, one upstream refresh', async () => {
    const alice = await login('alice@example.com');
    const refreshLog = async () =>
      ((await control('requests')) as { path: string; status: number }[])
        .filter((entry) => entry.path === '/api/user/me/access/token/')
        .map((entry) => entry.status);
    const before = (await refreshLog()).length;
    await control('faults', { rules: [{ path: '/api/user/me/access/token/', delay_ms: 300, times: 1 }] });
    const refresh = () =>
      call('/auth/refresh', undefined, { method: 'POST', body: JSON.stringify({ refresh_token: alice.refresh_token }) });
    const [a, b] = await Promise.all([refresh(), refresh()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body['refresh_token']).toBe(a.body['refresh_token']);
    expect((await refreshLog()).slice(before)).toEqual([200]);
  });

  it('answers 503, not 401, when the service fails', async () => {
    const alice = await login('alice@example.com');
    await control('faults', { rules: [{ path: '/api/user/me/auth/validate/token', status: 500 }] });
    const failed = await call('/api/me', alice.access_token);
    await control('faults', { rules: [] });
    expect([failed.status, failed.body['error']]).toEqual([503, 'ERR_HTTP']);
  });
});
