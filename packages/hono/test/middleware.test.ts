// @authlite/hono in a Hono app on Node, against the emulator over real HTTP.
import { AuthLiteClient, ConfigurationError } from '@authlite/core';
import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { clientOptionsFor, control as emulatorControl } from '@authlite/test-helpers';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuthLiteEnv, createAuthLite } from '../src/index.js';

const APP = 'http://localhost:3000';
let emulator: RunningEmulator;
let app: Hono<AuthLiteEnv>;

const control = (path: string, body: unknown = {}) => emulatorControl(emulator, path, body);

function makeApp(): Hono<AuthLiteEnv> {
  const auth = createAuthLite({
    client: () => new AuthLiteClient(clientOptionsFor(emulator)),
    sessionCacheTtl: 0,
  });
  const hono = new Hono<AuthLiteEnv>();
  hono.use(auth.middleware);
  hono.get('/auth/login', auth.login);
  hono.get('/auth/callback', auth.callback);
  hono.get('/', (c) => c.text(c.get('session')?.user.email ?? 'nobody'));
  hono.get('/mine', auth.requireSession(), (c) => c.text(c.get('session')!.user.email, 200, { 'cache-control': 'public, max-age=600' }));
  hono.get('/passthrough', auth.requireSession(), () => fetch(`${emulator.url}/__emulator/requests`));
  hono.get('/reports', auth.requirePermission('user', 'administration'), (c) =>
    c.json({ roles: c.get('session')!.roles, can: c.get('session')!.can('user', 'administration') }),
  );
  return hono;
}

/** Signs `email` in; returns the Cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const login = await app.request(`${APP}/auth/login`);
  const cookies = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { code } = await control('login', { org_id: emulator.org_id, email });
  const back = await app.request(`${APP}/auth/callback?code=${String(code)}`, { headers: { cookie: cookies } });
  expect(back.status).toBe(303);
  return back.headers
    .getSetCookie()
    .filter((line) => !/Max-Age=0/.test(line))
    .map((line) => line.split(';')[0])
    .join('; ');
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: structuredClone(DEFAULT_SEED) as EmulatorSeed });
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await control('reset');
  app = makeApp();
});

describe('@authlite/hono', () => {
  it('checks its options at once: a bad one throws ConfigurationError naming it', () => {
    expect(() => createAuthLite({ client: () => ({}) as AuthLiteClient, sessionCacheTtl: -1 })).toThrow(ConfigurationError);
    expect(() => createAuthLite({ client: () => ({}) as AuthLiteClient, routes: [{ path: 'no-slash' }] })).toThrow(/routes\[0\]\.path/);
    const auth = createAuthLite({ client: () => ({}) as AuthLiteClient });
    expect(() => auth.requirePermission('', 'x')).toThrow(/requirePermission\(key, value\)/);
    expect(() => auth.requirePermission('user', undefined as unknown as string)).toThrow(ConfigurationError);
  });

  it('c.get("session") is null when signed out, the user when signed in, on a route nothing guards', async () => {
    expect(await (await app.request(`${APP}/`)).text()).toBe('nobody');
    const cookie = await signIn('bob@example.com');
    expect(await (await app.request(`${APP}/`, { headers: { cookie } })).text()).toBe('bob@example.com');
  });

  it('requirePermission: 403 for a user without it, the session with roles and can() for one with it', async () => {
    const bob = await signIn('bob@example.com');
    expect((await app.request(`${APP}/reports`, { headers: { cookie: bob } })).status).toBe(403);
    const alice = await signIn('alice@example.com');
    const allowed = await app.request(`${APP}/reports`, { headers: { cookie: alice } });
    expect(allowed.status).toBe(200);
    const body = (await allowed.json()) as { roles: string[]; can: boolean };
    expect(body.can).toBe(true);
    expect(body.roles.length).toBeGreaterThan(0);
  });

  it('a guarded answer is private even when the handler set a public Cache-Control', async () => {
    const cookie = await signIn('bob@example.com');
    const page = await app.request(`${APP}/mine`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(page.headers.get('vary')).toBe('Cookie');
  });

  it('a passed-through fetch() answer (immutable headers) is made private too, its body kept', async () => {
    const cookie = await signIn('bob@example.com');
    const page = await app.request(`${APP}/passthrough`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    expect(Array.isArray(await page.json())).toBe(true);
  });

  it('a failing service: 503 with Retry-After on a guarded route, cookies kept; an unguarded route still answers', async () => {
    const cookie = await signIn('bob@example.com');
    await control('faults', { rules: [{ path: '/api/user/me/auth/validate/token', status: 503 }] });
    const guarded = await app.request(`${APP}/mine`, { headers: { cookie } });
    expect([guarded.status, guarded.headers.get('retry-after')]).toEqual([503, '5']);
    expect(guarded.headers.getSetCookie()).toEqual([]);
    const open = await app.request(`${APP}/`, { headers: { cookie } });
    expect([open.status, await open.text()]).toEqual([200, 'nobody']);
  });
});
