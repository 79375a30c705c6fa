// The security cases every framework helper on the session layer must pass, run by each helper's
// own tests (packages/next/test/security-suite.test.ts, packages/hono/test/security-suite.test.ts)
// against the emulator over real HTTP.
import { AuthLiteClient } from '@authlite/core';
import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { CookieJar, clientOptionsFor, control as emulatorControl, upstreamPaths } from '@authlite/test-helpers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** The default cookie names (DEFAULT_COOKIES of @authlite/session). */
const DEFAULT_COOKIES = {
  access: 'authlite_access',
  refresh: 'authlite_refresh',
  returnTo: 'authlite_return_to',
  nonce: 'authlite_login',
} as const;

/** The app origin the suite speaks for; the emulator's callback points at it. */
export const SUITE_APP = 'http://localhost:3000';

/** An app under test as one fetch function. */
export type AppFetch = (request: Request) => Promise<Response>;

/**
 * Builds the app under test with the helper: `/dashboard` needs a session, `/admin` the
 * permission `user=administration`, `/` is not guarded; `GET /auth/login`, `GET /auth/callback`
 * and `POST /auth/logout` are the helper's handlers. A page the guard lets through answers 200.
 */
export type MakeApp = (client: () => AuthLiteClient) => AppFetch;

const { access: ACCESS, refresh: REFRESH, nonce: NONCE, returnTo: RETURN_TO } = DEFAULT_COOKIES;

/** Registers the shared security suite for one helper. */
export function securitySuite(helper: string, makeApp: MakeApp): void {
  describe(`${helper}: shared security suite`, () => {
    let emulator: RunningEmulator;
    let app: AppFetch;
    const widget = () => `${emulator.widget_url}?org_id=${emulator.org_id}`;

    const control = (path: string, body: unknown = {}) => emulatorControl(emulator, path, body);
    const upstream = () => upstreamPaths(emulator);
    async function send(path: string, jar: CookieJar, method = 'GET'): Promise<Response> {
      const response = await app(new Request(`${SUITE_APP}${path}`, { method, headers: { cookie: jar.header() } }));
      jar.take(response);
      return response;
    }
    async function signIn(email: string, jar = new CookieJar()): Promise<CookieJar> {
      expect((await send('/auth/login', jar)).status).toBe(303);
      const { code } = await control('login', { org_id: emulator.org_id, email });
      expect((await send(`/auth/callback?code=${String(code)}`, jar)).status).toBe(303);
      expect(jar.cookies.get(ACCESS)).toMatch(/^eyJ/);
      return jar;
    }
    function expectPrivate(response: Response): void {
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(response.headers.get('vary')).toMatch(/(^|,\s*)Cookie$/);
    }

    beforeAll(async () => {
      const seed = structuredClone(DEFAULT_SEED) as EmulatorSeed;
      seed.organisations[0]!.callback_url = `${SUITE_APP}/auth/callback`;
      emulator = await startEmulator({ port: 0, seed });
    });
    afterAll(() => emulator.stop());
    beforeEach(async () => {
      await control('reset');
      app = makeApp(() => new AuthLiteClient(clientOptionsFor(emulator)));
    });

    describe('open-redirect payloads never leave the app after login', () => {
      const payloads = [
        '//evil.example',
        '/\\evil.example',
        '\\\\evil.example',
        'https://evil.example/',
        '/%2F%2Fevil.example',
        '%2F%2Fevil.example',
        ' //evil.example',
        '/\t/evil.example',
        'javascript:alert(1)',
        '/@evil.example',
        '//%09evil.example',
      ];
      it.each(payloads)('?returnTo=%s', async (payload) => {
        const jar = new CookieJar();
        const login = await send(`/auth/login?returnTo=${encodeURIComponent(payload)}`, jar);
        expect([login.status, login.headers.get('location')]).toEqual([303, widget()]);
        const { code } = await control('login', { org_id: emulator.org_id, email: 'alice@example.com' });
        const back = await send(`/auth/callback?code=${String(code)}`, jar);
        expect(back.status).toBe(303);
        const target = new URL(back.headers.get('location') ?? 'missing:', SUITE_APP);
        expect(target.origin).toBe(SUITE_APP);
        expect(back.headers.get('location')).toMatch(/^\/(?![/\\])/);
      });
      it.each(payloads)('a forged return-path cookie %s', async (payload) => {
        const jar = new CookieJar();
        await send('/auth/login', jar);
        jar.cookies.set(RETURN_TO, encodeURIComponent(payload));
        const { code } = await control('login', { org_id: emulator.org_id, email: 'alice@example.com' });
        const back = await send(`/auth/callback?code=${String(code)}`, jar);
        expect(back.status).toBe(303);
        expect(new URL(back.headers.get('location') ?? 'missing:', SUITE_APP).origin).toBe(SUITE_APP);
        expect(back.headers.get('location')).toMatch(/^\/(?![/\\])/);
      });
    });

    describe('malformed cookies are no session: login, cookies cleared, no request to the service', () => {
      const cases: Array<[string, Record<string, string>]> = [
        ['not a token', { [ACCESS]: 'not a token', [REFRESH]: 'x' }],
        ['characters outside visible ASCII', { [ACCESS]: 'eyJ\u00e9t\u00e9.a.b', [REFRESH]: 'eyJ\u007f.a.b' }],
        ['over 8192 characters', { [ACCESS]: `eyJ${'a'.repeat(9000)}`, [REFRESH]: 'eyJabc.def.ghi' }],
        ['a broken chunk set', { [`${ACCESS}.0`]: 'eyJabc', [`${ACCESS}.2`]: 'def', [REFRESH]: 'eyJabc.def.ghi' }],
        ['an access token without a refresh token', { [ACCESS]: 'eyJabc.def.ghi' }],
      ];
      it.each(cases)('%s', async (_, cookies) => {
        const jar = new CookieJar();
        for (const [name, value] of Object.entries(cookies)) jar.cookies.set(name, value);
        const response = await send('/dashboard', jar);
        expect([response.status, response.headers.get('location')]).toEqual([307, widget()]);
        expectPrivate(response);
        expect(jar.cookies.has(ACCESS) || jar.cookies.has(`${ACCESS}.0`)).toBe(false);
        expect(await upstream()).toEqual([]);
      });
    });

    describe('no answer that carries or depends on a session is cacheable', () => {
      it('login, callback, guarded page, 403, login redirect and logout are private, no-store', async () => {
        const jar = new CookieJar();
        const redirect = await send('/dashboard', new CookieJar());
        expect(redirect.status).toBe(307);
        expectPrivate(redirect);
        const login = await send('/auth/login', jar);
        expectPrivate(login);
        const { code } = await control('login', { org_id: emulator.org_id, email: 'bob@example.com' });
        const back = await send(`/auth/callback?code=${String(code)}`, jar);
        expect(back.status).toBe(303);
        expectPrivate(back);
        const page = await send('/dashboard', jar);
        expect(page.status).toBe(200);
        expectPrivate(page);
        const forbidden = await send('/admin', jar);
        expect(forbidden.status).toBe(403);
        expectPrivate(forbidden);
        const logout = await send('/auth/logout', jar, 'POST');
        expect(logout.status).toBe(303);
        expectPrivate(logout);
        const alice = await signIn('alice@example.com');
        const admin = await send('/admin', alice);
        expect(admin.status).toBe(200);
        expectPrivate(admin);
      });
    });

    describe('login without a nonce (login CSRF)', () => {
      it('a callback with a good code but no login nonce starts a fresh login and keeps the live session', async () => {
        const victim = await signIn('alice@example.com');
        const before = [victim.cookies.get(ACCESS), victim.cookies.get(REFRESH)];
        expect(victim.cookies.has(NONCE)).toBe(false);
        const { code } = await control('login', { org_id: emulator.org_id, email: 'attacker@example.com' });
        const response = await send(`/auth/callback?code=${String(code)}`, victim);
        expect([response.status, response.headers.get('location')]).toEqual([303, widget()]);
        expectPrivate(response);
        expect(response.headers.getSetCookie().some((line) => line.startsWith(ACCESS) || line.startsWith(REFRESH))).toBe(false);
        expect([victim.cookies.get(ACCESS), victim.cookies.get(REFRESH)]).toEqual(before);
        expect((await upstream()).filter((path) => path === 'GET /api/user/me/auth/data')).toHaveLength(1);
      });
      it('a forged nonce of the wrong shape is no nonce', async () => {
        const jar = new CookieJar();
        jar.cookies.set(NONCE, 'short');
        const { code } = await control('login', { org_id: emulator.org_id, email: 'attacker@example.com' });
        const response = await send(`/auth/callback?code=${String(code)}`, jar);
        expect([response.status, response.headers.get('location')]).toEqual([303, widget()]);
        expect(jar.cookies.has(ACCESS)).toBe(false);
        expect(await upstream()).toEqual([]);
      });
    });
  });
}
