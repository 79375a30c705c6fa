// The example app's scenario, run by each runtime's test (workerd via Miniflare, Deno, Bun)
// against the emulator over real HTTP. The emulator's clock is moved for expiry; the app runs
// with AUTHLITE_SESSION_CACHE_TTL_S=0 so every request asks the service (no wall time involved).
import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { type RunningEmulator, startEmulator } from '@authlite/emulator/node';
import { CookieJar, control as emulatorControl, upstreamPaths } from '@authlite/test-helpers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

/** The app's settings for a runtime, pointing at this emulator. */
export function appSettings(emulator: RunningEmulator): Record<string, string> {
  return {
    TRUSTAUTHX_API_KEY: emulator.api_key,
    TRUSTAUTHX_SECRET_KEY: emulator.secret_key,
    TRUSTAUTHX_ORG_ID: emulator.org_id,
    TRUSTAUTHX_BASE_URL: emulator.url,
    TRUSTAUTHX_WIDGET_URL: emulator.widget_url,
    AUTHLITE_SESSION_CACHE_TTL_S: '0',
  };
}

/** The app running in one runtime: `send` is one browser request (no redirects followed). */
export interface RunningApp {
  send(path: string, init: { method?: string; cookie?: string }): Promise<Response>;
  stop(): Promise<void>;
}

const ACCESS = 'authlite_access';
const REFRESH = 'authlite_refresh';

/** Registers the scenario for one runtime; `start` launches the unchanged app in it. */
export function honoExampleScenario(runtime: string, start: (emulator: RunningEmulator) => Promise<RunningApp>): void {
  describe(`the Hono example on ${runtime}`, () => {
    let emulator: RunningEmulator;
    let app: RunningApp;
    const widget = () => `${emulator.widget_url}?org_id=${emulator.org_id}`;

    const control = (path: string, body: unknown = {}) => emulatorControl(emulator, path, body);
    const upstream = () => upstreamPaths(emulator);
    const refreshes = async () => (await upstream()).filter((path) => path === 'GET /api/user/me/access/token/').length;
    async function send(path: string, jar: CookieJar, method = 'GET'): Promise<Response> {
      const response = await app.send(path, { method, cookie: jar.header() });
      jar.take(response);
      return response;
    }
    async function signIn(email: string, from = '/dashboard'): Promise<CookieJar> {
      const jar = new CookieJar();
      const login = await send(`/auth/login?returnTo=${encodeURIComponent(from)}`, jar);
      expect([login.status, login.headers.get('location')]).toEqual([303, widget()]);
      const { code } = await control('login', { org_id: emulator.org_id, email });
      const back = await send(`/auth/callback?code=${String(code)}`, jar);
      expect([back.status, back.headers.get('location')]).toEqual([303, from]);
      return jar;
    }

    beforeAll(async () => {
      const seed = structuredClone(DEFAULT_SEED) as EmulatorSeed;
      emulator = await startEmulator({ port: 0, seed });
      app = await start(emulator);
    });
    afterAll(async () => {
      await app?.stop();
      await emulator?.stop();
    });
    beforeEach(async () => {
      await control('reset');
    });

    it('a guarded route sends a signed-out browser to login, privately; the public page says signed out', async () => {
      const response = await send('/dashboard', new CookieJar());
      expect([response.status, response.headers.get('location')]).toEqual([307, widget()]);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await (await send('/', new CookieJar())).text()).toBe('signed out');
    });

    it('after login the guarded route shows the session: user, roles and can()', async () => {
      const alice = await signIn('alice@example.com');
      const page = await send('/dashboard', alice);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('private, no-store');
      const body = (await page.json()) as { email: string; roles: string[]; canAdminister: boolean };
      expect(body.email).toBe('alice@example.com');
      expect(body.roles.length).toBeGreaterThan(0);
      expect(body.canAdminister).toBe(true);
      expect(await (await send('/', alice)).text()).toBe('signed in as alice@example.com');
    });

    it('a permission route answers 403 without the permission and 200 with it', async () => {
      const bob = await signIn('bob@example.com');
      const forbidden = await send('/admin', bob);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.text()).toBe('Forbidden: this page needs the permission user=administration');
      const alice = await signIn('alice@example.com');
      const allowed = await send('/admin', alice);
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toEqual({ admin: 'alice@example.com' });
    });

    it('an expired session is refreshed: new cookies on the answer, one refresh request', async () => {
      const alice = await signIn('alice@example.com');
      const before = alice.cookies.get(ACCESS);
      await control('clock', { advance_s: 3601 });
      const page = await send('/dashboard', alice);
      expect(page.status).toBe(200);
      expect(((await page.json()) as { email: string }).email).toBe('alice@example.com');
      expect(alice.cookies.get(ACCESS)).toMatch(/^eyJ/);
      expect(alice.cookies.get(ACCESS)).not.toBe(before);
      expect(await refreshes()).toBe(1);
      expect((await send('/dashboard', alice)).status).toBe(200);
      expect(await refreshes()).toBe(1);
    });

    it('concurrent requests during a refresh share one rotation and all get the same new pair', async () => {
      const alice = await signIn('alice@example.com');
      await control('clock', { advance_s: 3601 });
      const tabs = Array.from({ length: 5 }, () => alice.clone());
      const answers = await Promise.all(tabs.map((tab) => send('/dashboard', tab)));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
      const pairs = new Set(tabs.map((tab) => `${tab.cookies.get(ACCESS)} ${tab.cookies.get(REFRESH)}`));
      expect(pairs.size).toBe(1);
      expect([...pairs][0]).not.toBe(`${alice.cookies.get(ACCESS)} ${alice.cookies.get(REFRESH)}`);
      expect(await refreshes()).toBe(1);
    });

    it('logout revokes the tokens and clears the cookies; the old cookies no longer open the route', async () => {
      const alice = await signIn('alice@example.com');
      const old = alice.clone();
      const out = await send('/auth/logout', alice, 'POST');
      expect([out.status, out.headers.get('location')]).toEqual([303, '/']);
      expect(out.headers.get('cache-control')).toBe('private, no-store');
      expect([alice.cookies.has(ACCESS), alice.cookies.has(REFRESH)]).toEqual([false, false]);
      expect((await upstream()).filter((path) => path === 'DELETE /api/user/me/token/')).toHaveLength(2);
      const again = await send('/dashboard', old);
      expect([again.status, again.headers.get('location')]).toEqual([307, widget()]);
    });
  });
}
