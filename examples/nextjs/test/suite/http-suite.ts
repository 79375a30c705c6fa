import { CookieJar } from '@authlite/test-helpers';
// The built app (next build, next start) over HTTP as a browser would drive it, against the
// emulator. The same suite runs for proxy.ts (examples/nextjs) and middleware.ts (examples/nextjs-edge).
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { control, upstreamPaths, widgetUrl } from './control.js';

const ACCESS = 'authlite_access';
const REFRESH = 'authlite_refresh';
const NONCE = 'authlite_login';
const RETURN_TO = 'authlite_return_to';

/** A request without following redirects, sending and keeping the jar's cookies. */
async function visit(
  path: string,
  jar: CookieJar,
  init: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {},
): Promise<Response> {
  const url = path.startsWith('http') ? path : `${inject('app').url}${path}`;
  const response = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    redirect: 'manual',
    headers: { ...init.headers, cookie: jar.header(), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
  });
  jar.take(response);
  return response;
}

/** A browser that signed in as `email` through the widget's form. */
async function signIn(email: string, from = '/dashboard'): Promise<CookieJar> {
  const jar = new CookieJar();
  const guarded = await visit(from, jar);
  expect(guarded.status).toBe(307);
  const submitted = await fetch(guarded.headers.get('location') ?? '', {
    method: 'POST',
    body: new URLSearchParams({ email }),
    redirect: 'manual',
  });
  expect(submitted.status).toBe(303);
  const back = await visit(submitted.headers.get('location') ?? '', jar);
  expect(back.status).toBe(303);
  return jar;
}

/** Where a same-app redirect goes: path and query (Next.js makes a relative Location absolute on its own origin). */
function target(response: Response): string {
  const url = new URL(response.headers.get('location') ?? '', inject('app').url);
  expect(url.origin).toBe(inject('app').url);
  return `${url.pathname}${url.search}`;
}

function cleared(response: Response, name: string): boolean {
  return response.headers.getSetCookie().some((line) => line.startsWith(`${name}=;`) && /Max-Age=0/i.test(line));
}

export function httpSuite(): void {
  const { variant } = inject('app');

  beforeEach(async () => {
    await control('reset');
  });

  describe(`${variant}: login`, () => {
    it('serves the public home without a session, and ignores forged x-authlite-* headers', async () => {
      const response = await visit('/', new CookieJar(), {
        headers: { 'x-authlite-email': 'forged@example.com', 'x-authlite-uid': 'x', 'x-authlite-roles': 'rol_adm_00000000000000a1' },
      });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('Not signed in');
      expect(html).not.toContain('forged@');
    });

    it('signs a visitor in: widget, callback with the nonce, then the saved page showing the user', async () => {
      const jar = new CookieJar();
      const guarded = await visit('/reports?tab=2', jar);
      expect([guarded.status, guarded.headers.get('location')]).toEqual([307, widgetUrl()]);
      expect(guarded.headers.get('cache-control')).toBe('private, no-store');
      expect(jar.get(NONCE)).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const widget = await fetch(guarded.headers.get('location') ?? '');
      expect(widget.status).toBe(200);
      const submitted = await fetch(guarded.headers.get('location') ?? '', {
        method: 'POST',
        body: new URLSearchParams({ email: 'alice@example.com' }),
        redirect: 'manual',
      });
      const callback = submitted.headers.get('location') ?? '';
      expect(callback.startsWith(`${inject('app').url}/auth/callback?code=`)).toBe(true);
      const back = await visit(callback, jar);
      expect([back.status, target(back)]).toEqual([303, '/reports?tab=2']);
      expect(back.headers.get('cache-control')).toBe('private, no-store');
      expect([jar.get(NONCE), jar.get(RETURN_TO)]).toEqual([undefined, undefined]);
      const page = await visit('/reports?tab=2', jar, { headers: { 'x-authlite-email': 'forged@example.com' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Signed in as <!-- -->alice@example.com');
      expect(html).not.toContain('forged@');
    });

    it('login CSRF: a callback this browser did not start begins a fresh login; the live session stays', async () => {
      const victim = await signIn('alice@example.com');
      const before = victim.get(ACCESS);
      const { code } = await control('login', { org_id: inject('emulator').org_id, email: 'attacker@example.com' });
      const response = await visit(`/auth/callback?code=${String(code)}`, victim);
      expect([response.status, response.headers.get('location')]).toEqual([303, widgetUrl()]);
      expect(victim.get(ACCESS)).toBe(before);
      expect(await (await visit('/dashboard', victim)).text()).toContain('alice@example.com');
    });

    it('a malformed code starts a new login (never 503)', async () => {
      const jar = new CookieJar();
      await visit('/dashboard', jar);
      const response = await visit('/auth/callback?code=a%20b', jar);
      expect([response.status, response.headers.get('location')]).toEqual([303, widgetUrl()]);
    });

    it('never follows a return path off the app (tab, CR, LF, backslash)', async () => {
      for (const payload of ['/\t/evil.example/', '/\r\n/evil.example/', '/\\evil.example/', '//evil.example/']) {
        const jar = new CookieJar();
        await visit('/dashboard', jar);
        jar.set(RETURN_TO, encodeURIComponent(payload));
        const { code } = await control('login', { org_id: inject('emulator').org_id, email: 'alice@example.com' });
        const response = await visit(`/auth/callback?code=${String(code)}`, jar);
        expect(new URL(response.headers.get('location') ?? '', inject('app').url).origin).toBe(inject('app').url);
        expect(target(response)).toBe('/dashboard');
      }
    });
  });

  describe(`${variant}: guarded routes`, () => {
    it('an encoded spelling of a guarded path does not reach the page without a session', async () => {
      for (const path of ['/%61dmin', '/ADMIN', '/admin/', '/dashboard/%2e%2e/admin']) {
        const response = await visit(path, new CookieJar());
        expect([307, 308, 404]).toContain(response.status);
        if (response.status !== 404) expect(await response.text()).not.toContain('Needs the permission');
      }
    });

    it('403 for a viewer, 200 for an admin; the page reads the user through getSession', async () => {
      const bob = await signIn('bob@example.com');
      const forbidden = await visit('/admin', bob);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.text()).toBe('Forbidden: this page needs the permission user=administration');
      const alice = await signIn('alice@example.com');
      const admin = await visit('/admin', alice);
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain('Can administrate users');
    });

    it('a static page under a guarded route is private, no-store (never s-maxage), also when it sets rotated cookies', async () => {
      const jar = await signIn('alice@example.com');
      const page = await visit('/dashboard/static', jar);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('private, no-store');
      await control('clock', { advance_s: 3601 });
      const rotated = await visit('/dashboard/static', jar);
      expect(rotated.status).toBe(200);
      expect(rotated.headers.getSetCookie().some((line) => line.startsWith(`${ACCESS}=eyJ`))).toBe(true);
      expect(rotated.headers.get('cache-control')).toBe('private, no-store');
    });

    it('rotates an expired pair and re-sets the cookies; a second tab with the old pair right after gets the same pair', async () => {
      const jar = await signIn('alice@example.com');
      const old = jar.clone();
      await control('clock', { advance_s: 3601 });
      const refreshed = await visit('/dashboard', jar);
      expect(refreshed.status).toBe(200);
      expect(await refreshed.text()).toContain('alice@example.com');
      expect(jar.get(ACCESS)).not.toBe(old.get(ACCESS));
      const late = await visit('/reports', old);
      expect(late.status).toBe(200);
      expect(await late.text()).toContain('alice@example.com');
      expect([old.get(ACCESS), old.get(REFRESH)]).toEqual([jar.get(ACCESS), jar.get(REFRESH)]);
      expect((await upstreamPaths()).filter((path) => path === 'GET /api/user/me/access/token/')).toHaveLength(1);
    });

    it('a revoked session is sent to login with its cookies cleared', async () => {
      const jar = await signIn('alice@example.com');
      const old = jar.clone();
      expect((await visit('/auth/logout', jar, { method: 'POST' })).status).toBe(303);
      const stale = await visit('/dashboard', old);
      expect([stale.status, stale.headers.get('location')]).toEqual([307, widgetUrl()]);
      expect([cleared(stale, ACCESS), cleared(stale, REFRESH)]).toEqual([true, true]);
    });

    it('an unreadable session cookie is no session: cleared and off to login, not 503', async () => {
      for (const value of ['a%20b', '%C3%A9', 'x'.repeat(8200)]) {
        const jar = await signIn('alice@example.com');
        jar.set(ACCESS, decodeURIComponent(value));
        const response = await visit('/dashboard', jar);
        expect([response.status, response.headers.get('location')]).toEqual([307, widgetUrl()]);
        expect(jar.get(ACCESS)).toBeUndefined();
      }
    });

    it('a token that ends between validation and user data (401) is refreshed once, never 503', async () => {
      const jar = await signIn('alice@example.com');
      const old = jar.get(ACCESS);
      await control('faults', { rules: [{ path: '/api/user/me/data', status: 401, times: 1 }] });
      const response = await visit('/admin', jar);
      expect(response.status).toBe(200);
      expect(jar.get(ACCESS)).not.toBe(old);
    });

    it('503 with Retry-After when the service fails, cookies kept', async () => {
      const jar = await signIn('alice@example.com');
      await control('faults', { rules: [{ path: '/api/user/me/auth/validate/token', status: 500 }] });
      const response = await visit('/dashboard', jar);
      expect([response.status, response.headers.get('retry-after'), response.headers.getSetCookie().length]).toEqual([503, '5', 0]);
    });
  });

  describe(`${variant}: logout`, () => {
    it('POST revokes the tokens and clears the cookies; GET is not allowed', async () => {
      const jar = await signIn('alice@example.com');
      const old = jar.clone();
      expect((await visit('/auth/logout', jar)).status).toBe(405);
      const response = await visit('/auth/logout', jar, { method: 'POST' });
      expect(response.status).toBe(303);
      expect(target(response)).toBe('/');
      expect([jar.get(ACCESS), jar.get(REFRESH)]).toEqual([undefined, undefined]);
      expect((await upstreamPaths()).filter((path) => path === 'DELETE /api/user/me/token/')).toHaveLength(2);
      expect((await visit('/dashboard', old)).status).toBe(307);
    });
  });

  describe(`${variant}: the build`, () => {
    it('prints no warning that comes from us', () => {
      const lines = inject('app')
        .buildOutput.split('\n')
        .filter((line) => /warn|⚠|deprecat/i.test(line));
      // Next's own notices are allowed: the middleware.ts file convention, and the build cache a fresh CI clone lacks.
      const ours = lines.filter((line) => !/The "middleware" file convention is deprecated|No build cache found/.test(line));
      expect(ours).toEqual([]);
    });
  });
}
