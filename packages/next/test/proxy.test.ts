// The proxy and route handlers with real NextRequest objects against the emulator over HTTP.
// The built apps (next build + next start, proxy.ts and middleware.ts) are driven in examples/nextjs.
import { AuthLiteClient } from '@authlite/core';
import type { RunningEmulator } from '@authlite/emulator/node';
import { CookieJar, clientOptionsFor } from '@authlite/test-helpers';
import { NextRequest } from 'next/server.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type AuthLite, type AuthLiteNextOptions, createAuthLite, DEFAULT_COOKIES } from '../src/index.js';
import { APP, control, seedWith, startTestEmulator, upstreamPaths } from './helpers/emulator-harness.js';
import { addManyRoles } from './helpers/many-roles.js';

const { access: ACCESS, refresh: REFRESH, nonce: NONCE, returnTo: RETURN_TO } = DEFAULT_COOKIES;
let emulator: RunningEmulator;
let nowMs = Date.now();

function makeAuth(extra: Partial<AuthLiteNextOptions> = {}, refreshGracePeriod = 10): AuthLite {
  return createAuthLite({
    client: () =>
      new AuthLiteClient({
        ...clientOptionsFor(emulator),
        // The client's rotation record (the helper keeps none) runs on the clock the tests move.
        refreshGracePeriod,
        clock: { nowMs: () => nowMs },
      }),
    routes: [
      { path: '/admin', permission: { key: 'user', value: 'administration' } },
      { path: '/reports', permission: { key: 'reports', value: 'read' } },
      { path: '/bulk', permission: { key: 'bulk', value: '199' } },
      { path: '/dashboard' },
    ],
    now: () => nowMs,
    ...extra,
  });
}

let auth: AuthLite;
const widget = () => `${emulator.widget_url}?org_id=${emulator.org_id}`;

/** One browser request through the proxy (or a handler), keeping cookies in `jar`. */
async function send(
  handler: (request: NextRequest) => Promise<Response>,
  path: string,
  jar: CookieJar,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const request = new NextRequest(`${APP}${path}`, { method: init.method ?? 'GET', headers: { ...init.headers, cookie: jar.header() } });
  const response = await handler(request);
  jar.take(response);
  return response;
}

/** Moves the service's clock and the helper's clock together. */
async function advance(seconds: number): Promise<void> {
  await control(emulator, 'clock', { advance_s: seconds });
  nowMs += seconds * 1000;
}

/** A browser that went through login for `email`: proxy redirect (nonce), emulator code, callback. */
async function signIn(email: string, from = '/dashboard', a: AuthLite = auth): Promise<CookieJar> {
  const jar = new CookieJar();
  expect((await send(a.proxy, from, jar)).status).toBe(307);
  const { code } = await control(emulator, 'login', { org_id: emulator.org_id, email });
  const back = await send(a.handlers.callback.GET, `/auth/callback?code=${String(code)}`, jar);
  expect(back.status).toBe(303);
  return jar;
}

function isCleared(response: Response, name: string): boolean {
  return response.headers.getSetCookie().some((line) => line.startsWith(`${name}=;`) && /Max-Age=0/.test(line));
}

beforeAll(async () => {
  emulator = await startTestEmulator(seedWith(addManyRoles));
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  await control(emulator, 'reset');
  nowMs = Date.now();
  auth = makeAuth();
});

describe('proxy: routes no rule covers', () => {
  it('passes the request on exactly as it came: no header override, no cookie, no cache header', async () => {
    const jar = new CookieJar();
    jar.cookies.set(ACCESS, 'not a token');
    const response = await send(auth.proxy, '/', jar, { headers: { 'x-authlite-email': 'forged@example.com' } });
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get('x-middleware-override-headers')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get('cache-control')).toBeNull();
    expect(await upstreamPaths(emulator)).toEqual([]);
  });
});

describe('proxy: login redirect and callback', () => {
  it('redirects a signed-out visitor to the widget with a login nonce and the return path, privately', async () => {
    const jar = new CookieJar();
    const response = await send(auth.proxy, '/dashboard/stats?tab=2', jar);
    expect([response.status, response.headers.get('location')]).toEqual([307, widget()]);
    expect(jar.cookies.get(NONCE)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(decodeURIComponent(jar.cookies.get(RETURN_TO) ?? '')).toBe('/dashboard/stats?tab=2');
    expect(response.headers.getSetCookie().find((line) => line.startsWith(`${NONCE}=`))).toMatch(/HttpOnly/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('vary')).toBe('Cookie');
  });

  it('completes a login this browser started: token cookies, nonce and return path cleared, back to the page', async () => {
    const jar = new CookieJar();
    await send(auth.proxy, '/reports?x=1', jar);
    const { code } = await control(emulator, 'login', { org_id: emulator.org_id, email: 'alice@example.com' });
    const response = await send(auth.handlers.callback.GET, `/auth/callback?code=${String(code)}`, jar);
    expect([response.status, response.headers.get('location')]).toEqual([303, '/reports?x=1']);
    expect(jar.cookies.get(ACCESS)).toMatch(/^eyJ/);
    expect(jar.cookies.get(REFRESH)).toMatch(/^eyJ/);
    expect([jar.cookies.has(NONCE), jar.cookies.has(RETURN_TO)]).toEqual([false, false]);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.getSetCookie().find((line) => line.startsWith(`${ACCESS}=`))).toMatch(/; HttpOnly(;|$)/);
  });

  it('login CSRF: a callback without the nonce starts a fresh login and leaves the live session alone', async () => {
    const victim = await signIn('alice@example.com');
    const before = victim.clone();
    const { code } = await control(emulator, 'login', { org_id: emulator.org_id, email: 'attacker@example.com' });
    const response = await send(auth.handlers.callback.GET, `/auth/callback?code=${String(code)}`, victim);
    expect([response.status, response.headers.get('location')]).toEqual([303, widget()]);
    expect(response.headers.getSetCookie().some((line) => line.startsWith(`${ACCESS}`) || line.startsWith(`${REFRESH}`))).toBe(false);
    expect([victim.cookies.get(ACCESS), victim.cookies.get(REFRESH)]).toEqual([before.cookies.get(ACCESS), before.cookies.get(REFRESH)]);
    // The code was never exchanged: no user-data request reached the service for it.
    expect((await upstreamPaths(emulator)).filter((path) => path === 'GET /api/user/me/auth/data')).toHaveLength(1);
  });

  it.each([
    ['a space', 'a%20b'],
    ['non-ASCII', '%C3%A9t%C3%A9'],
    ['empty', ''],
    ['over 8192 characters', 'x'.repeat(8193)],
  ])('a malformed code (%s) starts a new login, never 503', async (_, code) => {
    const jar = new CookieJar();
    await send(auth.proxy, '/dashboard', jar);
    const response = await send(auth.handlers.callback.GET, `/auth/callback?code=${code}`, jar);
    expect([response.status, response.headers.get('location')]).toEqual([303, widget()]);
    expect(jar.cookies.get(NONCE)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await upstreamPaths(emulator)).toEqual([]);
  });

  it('a refused code (used once already) starts a new login', async () => {
    const jar = new CookieJar();
    await send(auth.proxy, '/dashboard', jar);
    const { code } = await control(emulator, 'login', { org_id: emulator.org_id, email: 'alice@example.com' });
    const replay = jar.clone();
    expect((await send(auth.handlers.callback.GET, `/auth/callback?code=${String(code)}`, jar)).status).toBe(303);
    const again = await send(auth.handlers.callback.GET, `/auth/callback?code=${String(code)}`, replay);
    expect([again.status, again.headers.get('location')]).toEqual([303, widget()]);
    expect(replay.cookies.has(ACCESS)).toBe(false);
  });

  it('never redirects off-site after login, whatever the return-path cookie says', async () => {
    const jar = new CookieJar();
    await send(auth.proxy, '/dashboard', jar);
    jar.cookies.set(RETURN_TO, encodeURIComponent('/\t/evil.example/'));
    const { code } = await control(emulator, 'login', { org_id: emulator.org_id, email: 'alice@example.com' });
    const response = await send(auth.handlers.callback.GET, `/auth/callback?code=${String(code)}`, jar);
    expect(response.headers.get('location')).toBe('/');
  });

  it('keeps a 5000-character deep link within the cookie cap: the path is kept without its query', async () => {
    const jar = new CookieJar();
    const response = await send(auth.proxy, `/dashboard/deep?q=${'a'.repeat(5000)}`, jar);
    expect(response.status).toBe(307);
    const line = response.headers.getSetCookie().find((item) => item.startsWith(`${RETURN_TO}=`)) ?? '';
    expect(line.length).toBeLessThan(4096);
    expect(decodeURIComponent(jar.cookies.get(RETURN_TO) ?? '')).toBe('/dashboard/deep');
  });
});

describe('proxy: guarded routes', () => {
  it('lets a session through untouched, marks the answer private, and passes no user headers', async () => {
    const jar = await signIn('alice@example.com');
    const response = await send(auth.proxy, '/dashboard', jar, { headers: { 'x-authlite-email': 'forged@example.com' } });
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(response.headers.get('x-middleware-override-headers')).toBeNull();
    expect(response.headers.getSetCookie()).toEqual([]);
    expect([response.headers.get('cache-control'), response.headers.get('vary')]).toEqual(['private, no-store', 'Cookie']);
  });

  it('allows a role that grants the permission, and answers 403 (private) otherwise', async () => {
    const alice = await signIn('alice@example.com');
    expect((await send(auth.proxy, '/admin/users', alice)).headers.get('x-middleware-next')).toBe('1');
    const bob = await signIn('bob@example.com');
    const forbidden = await send(auth.proxy, '/admin', bob);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe('Forbidden: this page needs the permission user=administration');
    expect(forbidden.headers.get('cache-control')).toBe('private, no-store');
    expect((await send(auth.proxy, '/reports', bob)).headers.get('x-middleware-next')).toBe('1');
  });

  it('guards a percent-encoded spelling of a guarded path', async () => {
    const response = await send(auth.proxy, '/%61dmin', new CookieJar());
    expect(response.status).toBe(307);
  });

  it('rotates an expired pair: new cookies on the answer and for the app; the old pair then logs out', async () => {
    const jar = await signIn('alice@example.com');
    const old = jar.clone();
    await advance(3601);
    const response = await send(auth.proxy, '/dashboard', jar);
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(jar.cookies.get(ACCESS)).not.toBe(old.cookies.get(ACCESS));
    expect(jar.cookies.get(REFRESH)).not.toBe(old.cookies.get(REFRESH));
    expect(response.headers.get('x-middleware-request-cookie')).toBe(
      `${ACCESS}=${jar.cookies.get(ACCESS)}; ${REFRESH}=${jar.cookies.get(REFRESH)}`,
    );
    expect(response.headers.get('x-middleware-override-headers')).toBe('cookie');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    // Within the client's refresh grace (10 s here), a tab that still sends the old pair gets the same new pair, with no request.
    const refreshes = async () => (await upstreamPaths(emulator)).filter((path) => path === 'GET /api/user/me/access/token/').length;
    expect(await refreshes()).toBe(1);
    const late = old.clone();
    const second = await send(auth.proxy, '/dashboard', late);
    expect(second.headers.get('x-middleware-next')).toBe('1');
    expect([late.cookies.get(ACCESS), late.cookies.get(REFRESH)]).toEqual([jar.cookies.get(ACCESS), jar.cookies.get(REFRESH)]);
    expect(await refreshes()).toBe(1);
    // After it, the rotated-away pair means "log in again".
    nowMs += 10_000;
    const stale = await send(auth.proxy, '/dashboard', old);
    expect(stale.status).toBe(307);
    expect([isCleared(stale, ACCESS), isCleared(stale, REFRESH)]).toEqual([true, true]);
    expect(await refreshes()).toBe(2);
  });

  it("with the client's refreshGracePeriod 0, a rotated-away pair logs out at once", async () => {
    auth = makeAuth({}, 0);
    const jar = await signIn('alice@example.com');
    const old = jar.clone();
    await advance(3601);
    expect((await send(auth.proxy, '/dashboard', jar)).headers.get('x-middleware-next')).toBe('1');
    expect((await send(auth.proxy, '/dashboard', old)).status).toBe(307);
  });

  it('after a rotation the app gets every other cookie exactly as sent, and every other header untouched', async () => {
    const jar = await signIn('alice@example.com');
    await advance(3601);
    const request = new NextRequest(`${APP}/dashboard`, {
      headers: { cookie: `theme="dark mode"; ${jar.header()}; a=1; a=2`, 'x-authlite-email': 'sent@example.com' },
    });
    const response = await auth.proxy(request);
    jar.take(response);
    expect(response.headers.get('x-middleware-request-cookie')).toBe(
      `theme="dark mode"; a=1; a=2; ${ACCESS}=${jar.cookies.get(ACCESS)}; ${REFRESH}=${jar.cookies.get(REFRESH)}`,
    );
    // Next.js lists every request header it hands on; all but the cookie keep their value.
    expect(response.headers.get('x-middleware-override-headers')).toBe('cookie,x-authlite-email');
    expect(response.headers.get('x-middleware-request-x-authlite-email')).toBe('sent@example.com');
  });

  it('a request other than GET/HEAD without a session is sent to login with 303 and no return path', async () => {
    const jar = new CookieJar();
    const response = await send(auth.proxy, '/dashboard/form', jar, { method: 'POST' });
    expect([response.status, response.headers.get('location')]).toEqual([303, widget()]);
    expect(jar.cookies.has(RETURN_TO)).toBe(false);
    expect(jar.cookies.get(NONCE)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('two tabs with one expired session at once both stay signed in with the same new pair', async () => {
    const jar = await signIn('alice@example.com');
    await advance(3601);
    const [a, b] = [jar.clone(), jar.clone()];
    const [ra, rb] = await Promise.all([send(auth.proxy, '/dashboard', a), send(auth.proxy, '/reports', b)]);
    expect([ra.headers.get('x-middleware-next'), rb.headers.get('x-middleware-next')]).toEqual(['1', '1']);
    expect(a.cookies.get(REFRESH)).toBe(b.cookies.get(REFRESH));
    expect((await upstreamPaths(emulator)).filter((path) => path === 'GET /api/user/me/access/token/')).toHaveLength(1);
  });

  it.each([
    ['a space', 'eyJ a'],
    ['non-ASCII', 'eyJ\u00e9'],
    ['over 8 KB', `eyJ${'a'.repeat(8200)}`],
  ])('an unreadable session cookie (%s) is no session: cleared, off to login, never 503', async (_, value) => {
    const jar = await signIn('alice@example.com');
    jar.cookies.set(ACCESS, value);
    const response = await send(auth.proxy, '/dashboard', jar);
    expect([response.status, response.headers.get('location')]).toEqual([307, widget()]);
    expect([isCleared(response, ACCESS), isCleared(response, REFRESH)]).toEqual([true, true]);
    expect([jar.cookies.has(ACCESS), jar.cookies.has(REFRESH)]).toEqual([false, false]);
  });

  it('broken chunks are no session either', async () => {
    const jar = await signIn('alice@example.com');
    const token = jar.cookies.get(ACCESS) ?? '';
    jar.cookies.delete(ACCESS);
    jar.cookies.set(`${ACCESS}.1`, token);
    const response = await send(auth.proxy, '/dashboard', jar);
    expect(response.status).toBe(307);
    expect(isCleared(response, `${ACCESS}.1`)).toBe(true);
  });

  it('a token that ends between the validation and the user data (401) is refreshed once, not a 503', async () => {
    const jar = await signIn('alice@example.com');
    const old = jar.cookies.get(ACCESS);
    await control(emulator, 'faults', { rules: [{ path: '/api/user/me/data', status: 401, times: 1 }] });
    const response = await send(auth.proxy, '/admin', jar);
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(jar.cookies.get(ACCESS)).not.toBe(old);
    expect(response.headers.get('x-middleware-request-cookie')).toContain(`${ACCESS}=${jar.cookies.get(ACCESS)}`);
  });

  it('...and goes to login when the refresh is refused too', async () => {
    const jar = await signIn('alice@example.com');
    await control(emulator, 'faults', {
      rules: [
        { path: '/api/user/me/data', status: 401, times: 1 },
        { path: '/api/user/me/access/token/', status: 401, times: 1 },
      ],
    });
    const response = await send(auth.proxy, '/admin', jar);
    expect([response.status, response.headers.get('location')]).toEqual([307, widget()]);
    expect(isCleared(response, ACCESS)).toBe(true);
  });

  it('answers 503 with Retry-After when the service fails, keeping the cookies', async () => {
    const jar = await signIn('alice@example.com');
    auth = makeAuth({ sessionCacheTtl: 0 });
    await control(emulator, 'faults', { rules: [{ path: '/api/user/me/auth/validate/token', status: 503 }] });
    const response = await send(auth.proxy, '/dashboard', jar);
    expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
    expect(await response.text()).toBe('Authentication service unavailable (ERR_HTTP)');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('proxy: the session cache (upstream calls per request)', () => {
  it('a permission route costs 0 upstream calls per request once cached, 2 with the cache off', async () => {
    const cachedJar = await signIn('alice@example.com');
    const afterLogin = (await upstreamPaths(emulator)).length;
    for (let i = 0; i < 10; i++) expect((await send(auth.proxy, '/admin', cachedJar)).headers.get('x-middleware-next')).toBe('1');
    const cachedCalls = (await upstreamPaths(emulator)).slice(afterLogin);
    // The first request validates, reads the user and loads the roles; the nine others ask nothing.
    expect(cachedCalls).toEqual(['GET /api/user/me/auth/validate/token', 'GET /api/user/me/data', 'GET /rbac/role']);

    const uncached = makeAuth({ sessionCacheTtl: 0 });
    const before = (await upstreamPaths(emulator)).length;
    for (let i = 0; i < 10; i++) expect((await send(uncached.proxy, '/admin', cachedJar)).headers.get('x-middleware-next')).toBe('1');
    const paths = (await upstreamPaths(emulator)).slice(before);
    expect(paths.filter((path) => path !== 'GET /rbac/role')).toEqual(
      Array.from({ length: 10 }, () => ['GET /api/user/me/auth/validate/token', 'GET /api/user/me/data']).flat(),
    );
  });

  it('concurrent requests of one session share one user-data read, also with the cache off', async () => {
    const jar = await signIn('alice@example.com');
    const uncached = makeAuth({ sessionCacheTtl: 0 });
    const before = (await upstreamPaths(emulator)).length;
    const answers = await Promise.all([0, 1, 2].map(() => send(uncached.proxy, '/admin', jar.clone())));
    expect(answers.map((answer) => answer.headers.get('x-middleware-next'))).toEqual(['1', '1', '1']);
    const paths = (await upstreamPaths(emulator)).slice(before);
    expect(paths.filter((path) => path === 'GET /api/user/me/data')).toHaveLength(1);
    expect(paths.filter((path) => path === 'GET /api/user/me/auth/validate/token')).toHaveLength(1);
  });

  it('asks again once the TTL (30 s by default) has passed', async () => {
    const jar = await signIn('alice@example.com');
    await send(auth.proxy, '/dashboard', jar);
    const count = async () => (await upstreamPaths(emulator)).filter((path) => path === 'GET /api/user/me/auth/validate/token').length;
    const first = await count();
    nowMs += 29_000;
    await send(auth.proxy, '/dashboard', jar);
    expect(await count()).toBe(first);
    nowMs += 2_000;
    await send(auth.proxy, '/dashboard', jar);
    expect(await count()).toBe(first + 1);
  });
});

describe('route handlers', () => {
  it('logout (POST) revokes the tokens, evicts the cache and clears the cookies', async () => {
    const jar = await signIn('alice@example.com');
    const old = jar.clone();
    expect((await send(auth.proxy, '/dashboard', jar)).headers.get('x-middleware-next')).toBe('1');
    const response = await send(auth.handlers.logout.POST, '/auth/logout', jar, { method: 'POST' });
    expect([response.status, response.headers.get('location')]).toEqual([303, '/']);
    expect([jar.cookies.has(ACCESS), jar.cookies.has(REFRESH)]).toEqual([false, false]);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect((await upstreamPaths(emulator)).filter((path) => path === 'DELETE /api/user/me/token/')).toHaveLength(2);
    // Within the cache TTL, the old cookies are refused at once: the helper's own logout evicted them.
    const replay = await send(auth.proxy, '/dashboard', old);
    expect(replay.status).toBe(307);
  });

  it('login (GET ?returnTo=) starts a login and keeps only a path of the app', async () => {
    const jar = new CookieJar();
    const response = await send(auth.handlers.login.GET, '/auth/login?returnTo=%2Freports%3Fa%3D1', jar);
    expect([response.status, response.headers.get('location')]).toEqual([303, widget()]);
    expect(decodeURIComponent(jar.cookies.get(RETURN_TO) ?? '')).toBe('/reports?a=1');
    const evil = new CookieJar();
    await send(auth.handlers.login.GET, '/auth/login?returnTo=https%3A%2F%2Fevil.example%2F', evil);
    expect(evil.cookies.has(RETURN_TO)).toBe(false);
    expect(evil.cookies.get(NONCE)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('large sessions: cookies in chunks', () => {
  it.each([0, 100, 200])('a user with %i roles gets cookies under 4096 bytes each and passes a permission check', async (count) => {
    const jar = await signIn(`roles${count}@example.com`);
    const names = [...jar.cookies.keys()].filter((name) => name.startsWith(ACCESS));
    if (count === 0) expect(names).toEqual([ACCESS]);
    else expect(names.length).toBeGreaterThan(1);
    for (const name of names)
      expect(`${name}=${jar.cookies.get(name)}; Path=/; Max-Age=2592000; SameSite=Lax; HttpOnly`.length).toBeLessThan(4096);
    const response = await send(auth.proxy, '/bulk', jar);
    expect(response.status).toBe(count === 200 ? 200 : 403);
    if (count === 200) expect(response.headers.get('x-middleware-next')).toBe('1');
  });
});
