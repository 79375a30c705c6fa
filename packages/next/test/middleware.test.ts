// The middleware with real NextRequest/NextResponse objects against the emulator over HTTP.
// The whole app (next build, next start, Edge Runtime) is driven in examples/nextjs-middleware.
import { AuthLiteClient } from '@authlite/core';
import { DEFAULT_ROLE_IDS } from '@authlite/emulator';
import { startEmulator, type RunningEmulator } from '@authlite/emulator/node';
import { NextRequest, type NextResponse } from 'next/server.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuthMiddleware, DEFAULT_COOKIES, matchRoute, safeReturnPath, type AuthMiddleware } from '../src/index.js';

// NextURL spells loopback as localhost; the real server relativizes same-host redirects.
const APP = 'http://localhost:3000';
let emulator: RunningEmulator;
let middleware: AuthMiddleware;

async function control(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

function request(path: string, cookies: Record<string, string> = {}, headers: Record<string, string> = {}): NextRequest {
  const cookie = Object.entries(cookies).map(([name, value]) => `${name}=${value}`).join('; ');
  return new NextRequest(`${APP}${path}`, { headers: { ...headers, ...(cookie ? { cookie } : {}) } });
}

/** Logs `email` in through the control API and the callback; returns the session cookies the middleware set. */
async function login(email: string): Promise<Record<string, string>> {
  const { code } = await control('login', { org_id: emulator.org_id, email });
  const response = await middleware(request(`/auth/callback?code=${String(code)}`));
  expect(response.status).toBe(303);
  return { [DEFAULT_COOKIES.access]: response.cookies.get(DEFAULT_COOKIES.access)?.value ?? '', [DEFAULT_COOKIES.refresh]: response.cookies.get(DEFAULT_COOKIES.refresh)?.value ?? '' };
}

/** The request headers a NextResponse.next() passes on to the route. */
function forwarded(response: NextResponse): Record<string, string> {
  const names = (response.headers.get('x-middleware-override-headers') ?? '').split(',').filter(Boolean);
  return Object.fromEntries(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`) ?? '']));
}

/** The SDK's clock: the host's, moved forward by the tests that need it. */
const sdkClock = { aheadMs: 0, nowMs: () => Date.now() + sdkClock.aheadMs };

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  middleware = createAuthMiddleware({
    client: () =>
      new AuthLiteClient({ apiKey: emulator.api_key, secretKey: emulator.secret_key, orgId: emulator.org_id, baseUrl: emulator.url, widgetUrl: emulator.widget_url, clock: sdkClock }),
    routes: [
      { path: '/admin', permission: { key: 'user', value: 'administration' } },
      { path: '/reports', permission: { key: 'reports', value: 'read' } },
      { path: '/dashboard' },
    ],
  });
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  sdkClock.aheadMs = 0;
  await control('reset', {});
});

describe('createAuthMiddleware', () => {
  it('passes unguarded paths on, stripping forged x-authlite-* headers', async () => {
    const response = await middleware(request('/', {}, { 'x-authlite-uid': 'forged', 'x-other': 'kept' }));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(forwarded(response)).toMatchObject({ 'x-other': 'kept' });
    expect(forwarded(response)['x-authlite-uid']).toBeUndefined();
  });

  it('redirects a logged-out visitor of a guarded route to the login widget, remembering the path', async () => {
    const response = await middleware(request('/dashboard/stats?tab=2'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${emulator.widget_url}?org_id=${emulator.org_id}`);
    expect(response.cookies.get(DEFAULT_COOKIES.returnTo)?.value).toBe('/dashboard/stats?tab=2');
  });

  it('completes the login on the callback: HttpOnly cookies, then back to the saved path', async () => {
    const { code } = await control('login', { org_id: emulator.org_id, email: 'alice@example.com' });
    const response = await middleware(request(`/auth/callback?code=${String(code)}`, { [DEFAULT_COOKIES.returnTo]: '/dashboard' }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${APP}/dashboard`);
    const setCookie = response.headers.getSetCookie();
    expect(setCookie.find((line) => line.startsWith(`${DEFAULT_COOKIES.access}=`))).toMatch(/HttpOnly/i);
    expect(setCookie.find((line) => line.startsWith(`${DEFAULT_COOKIES.refresh}=`))).toMatch(/SameSite=lax/i);
    expect(response.cookies.get(DEFAULT_COOKIES.access)?.value).toMatch(/^eyJ/);
    // The code was single-use: the same callback again starts the login over.
    const again = await middleware(request(`/auth/callback?code=${String(code)}`));
    expect([again.status, again.headers.get('location')]).toEqual([307, `${emulator.widget_url}?org_id=${emulator.org_id}`]);
    expect((await middleware(request('/auth/callback'))).status).toBe(400);
  });

  it('never redirects off-site after login (return path //host is ignored)', async () => {
    const { code } = await control('login', { org_id: emulator.org_id, email: 'alice@example.com' });
    const response = await middleware(request(`/auth/callback?code=${String(code)}`, { [DEFAULT_COOKIES.returnTo]: '//evil.example/x' }));
    expect(response.headers.get('location')).toBe(`${APP}/`);
    expect(safeReturnPath('/\\evil.example', '/')).toBe('/');
  });

  it('allows a route when a role of the user grants its permission, with the user in request headers', async () => {
    const cookies = await login('alice@example.com');
    const response = await middleware(request('/admin/users', cookies));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(forwarded(response)).toMatchObject({ 'x-authlite-email': 'alice@example.com', 'x-authlite-roles': DEFAULT_ROLE_IDS.admin });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('answers 403 when no role of the user grants the permission', async () => {
    const cookies = await login('bob@example.com');
    const forbidden = await middleware(request('/admin', cookies));
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe('Forbidden: this page needs the permission user=administration');
    const allowed = await middleware(request('/reports', cookies));
    expect(forwarded(allowed)['x-authlite-email']).toBe('bob@example.com');
  });

  it('refreshes an expired access token: new cookies on the answer and for the route', async () => {
    const cookies = await login('alice@example.com');
    await control('clock', { advance_s: 3601 });
    const response = await middleware(request('/dashboard', cookies));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    const access = response.cookies.get(DEFAULT_COOKIES.access)?.value ?? '';
    const refresh = response.cookies.get(DEFAULT_COOKIES.refresh)?.value ?? '';
    expect(access).toMatch(/^eyJ/);
    expect(access).not.toBe(cookies[DEFAULT_COOKIES.access]);
    expect(refresh).not.toBe(cookies[DEFAULT_COOKIES.refresh]);
    expect(forwarded(response)['cookie']).toBe(`${DEFAULT_COOKIES.access}=${access}; ${DEFAULT_COOKIES.refresh}=${refresh}`);
    // A second tab with the old pair within the client's refreshGracePeriod (30 s) gets the same new pair.
    const secondTab = await middleware(request('/dashboard', cookies));
    expect(secondTab.cookies.get(DEFAULT_COOKIES.refresh)?.value).toBe(refresh);
    // Past it, the old refresh token was rotated away: the old pair now means "log in again".
    sdkClock.aheadMs += 30_000;
    const stale = await middleware(request('/dashboard', cookies));
    expect(stale.status).toBe(307);
    expect(stale.headers.getSetCookie().filter((line) => /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line))).toHaveLength(2);
  });

  it('answers 503 when the service fails, never taking it for a logout', async () => {
    const cookies = await login('alice@example.com');
    await control('faults', { rules: [{ path: '/api/user/me/auth/validate/token', status: 503 }] });
    const response = await middleware(request('/dashboard', cookies));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('Authentication service unavailable (ERR_HTTP)');
    expect(response.headers.getSetCookie()).toEqual([]);
  });
});

describe('matchRoute', () => {
  it('matches a path and what is under it, not a longer sibling', () => {
    const rules = [{ path: '/admin' }, { path: /^\/api\/private\// }];
    expect(matchRoute('/admin', rules)).toBe(rules[0]);
    expect(matchRoute('/admin/x', rules)).toBe(rules[0]);
    expect(matchRoute('/administrator', rules)).toBeUndefined();
    expect(matchRoute('/api/private/1', rules)).toBe(rules[1]);
  });
});
