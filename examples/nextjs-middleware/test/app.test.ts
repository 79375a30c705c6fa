// Builds this app with `next build`, starts it with `next start`, and drives it over HTTP
// against the emulator, as a browser would: the middleware runs in Next's Edge Runtime.
import { AuthLiteClient } from '@authlite/core';
import { DEFAULT_SEED, type EmulatorSeed } from '@authlite/emulator';
import { startEmulator, type RunningEmulator } from '@authlite/emulator/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './helpers/cookie-jar.js';
import { buildApp, freePort, startApp, type RunningApp } from './helpers/next-app.js';

const ACCESS = 'authlite_access';
const REFRESH = 'authlite_refresh';

let emulator: RunningEmulator;
let app: RunningApp;

/** GET (or POST a form) without following redirects, sending and keeping the jar's cookies. */
async function visit(url: string, jar: CookieJar, form?: Record<string, string>): Promise<Response> {
  const response = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  jar.take(response);
  return response;
}

async function control(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/__emulator/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

/** A session for `email` through the callback, with a code from the control API. */
async function session(email: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const { code } = await control('login', { org_id: emulator.org_id, email });
  const response = await visit(`${app.url}/auth/callback?code=${String(code)}`, jar);
  expect(response.status).toBe(303);
  expect(jar.get(ACCESS)).toMatch(/^eyJ/);
  return jar;
}

beforeAll(async () => {
  const port = await freePort();
  // The emulator's organisation sends its users back to this app's callback.
  const seed = structuredClone(DEFAULT_SEED) as EmulatorSeed;
  const org = seed.organisations[0];
  if (!org) throw new Error('the default seed has no organisation');
  org.callback_url = `http://127.0.0.1:${port}/auth/callback`;
  emulator = await startEmulator({ port: 0, seed });
  buildApp();
  app = await startApp(port, {
    TRUSTAUTHX_API_KEY: emulator.api_key,
    TRUSTAUTHX_SECRET_KEY: emulator.secret_key,
    TRUSTAUTHX_ORG_ID: emulator.org_id,
    TRUSTAUTHX_BASE_URL: emulator.url,
    TRUSTAUTHX_WIDGET_URL: emulator.widget_url,
  });
});

afterAll(async () => {
  await app?.stop();
  await emulator?.stop();
});

describe('the Next.js app behind @authlite/next middleware (next build, next start)', () => {
  it('serves the public home without a session', async () => {
    const response = await visit(`${app.url}/`, new CookieJar());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Public home');
  });

  it('logs a visitor in: redirect to the widget, the widget back to the callback, then to the saved page', async () => {
    const jar = new CookieJar();
    const guarded = await visit(`${app.url}/reports`, jar);
    expect(guarded.status).toBe(307);
    expect(guarded.headers.get('location')).toBe(`${emulator.widget_url}?org_id=${emulator.org_id}`);
    expect(jar.get('authlite_return_to')).toBe('/reports');

    // The emulator's hosted login form, as the browser would submit it.
    const widget = await fetch(guarded.headers.get('location') ?? '');
    expect(widget.status).toBe(200);
    const submitted = await fetch(guarded.headers.get('location') ?? '', { method: 'POST', body: new URLSearchParams({ email: 'alice@example.com' }), redirect: 'manual' });
    expect(submitted.status).toBe(303);
    const callback = submitted.headers.get('location') ?? '';
    expect(callback).toMatch(new RegExp(`^${app.url}/auth/callback\\?code=`));

    const back = await visit(callback, jar);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('/reports');
    expect(jar.get(ACCESS)).toMatch(/^eyJ/);
    expect(jar.get(REFRESH)).toMatch(/^eyJ/);
    expect(jar.get('authlite_return_to')).toBeUndefined();

    const page = await visit(`${app.url}/reports`, jar);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Signed in as alice@example.com (roles: rol_adm_00000000000000a1)');
  });

  it('allows a route the user has a role for, and forbids one they have not', async () => {
    const alice = await session('alice@example.com');
    const admin = await visit(`${app.url}/admin`, alice);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('Needs the permission user=administration');

    const bob = await session('bob@example.com');
    const forbidden = await visit(`${app.url}/admin`, bob);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe('Forbidden: this page needs the permission user=administration');
    const reports = await visit(`${app.url}/reports`, bob);
    expect(reports.status).toBe(200);
    expect(await reports.text()).toContain('bob@example.com');
  });

  it('refreshes an expired access token and re-sets the cookies; a second tab gets the same pair, a pair rotated elsewhere logs out', async () => {
    const jar = await session('alice@example.com');
    const old = jar.clone();
    expect((await visit(`${app.url}/dashboard`, jar)).status).toBe(200);
    expect(jar.get(ACCESS)).toBe(old.get(ACCESS));

    await control('clock', { advance_s: 3601 });
    const refreshed = await visit(`${app.url}/dashboard`, jar);
    expect(refreshed.status).toBe(200);
    expect(await refreshed.text()).toContain('<h1>Dashboard</h1>');
    expect(refreshed.headers.getSetCookie().filter((line) => line.startsWith(`${ACCESS}=`) || line.startsWith(`${REFRESH}=`))).toHaveLength(2);
    expect(jar.get(ACCESS)).not.toBe(old.get(ACCESS));
    expect(jar.get(REFRESH)).not.toBe(old.get(REFRESH));

    // The new pair keeps working without another refresh.
    const again = await visit(`${app.url}/dashboard`, jar);
    expect([again.status, again.headers.getSetCookie().length]).toEqual([200, 0]);

    // A second tab with the old pair, within the client's refreshGracePeriod: the same new pair, no logout.
    const secondTab = await visit(`${app.url}/dashboard`, old);
    expect(secondTab.status).toBe(200);
    expect([old.get(ACCESS), old.get(REFRESH)]).toEqual([jar.get(ACCESS), jar.get(REFRESH)]);

    // A refresh token used up elsewhere (another server rotated it): that browser is sent to log in, its cookies cleared.
    const bob = await session('bob@example.com');
    await control('clock', { advance_s: 3601 });
    const elsewhere = new AuthLiteClient({ apiKey: emulator.api_key, secretKey: emulator.secret_key, orgId: emulator.org_id, baseUrl: emulator.url });
    await elsewhere.getAccessTokenFromRefreshToken(bob.get(REFRESH) ?? '');
    const stale = await visit(`${app.url}/dashboard`, bob);
    expect(stale.status).toBe(307);
    expect(stale.headers.get('location')).toBe(`${emulator.widget_url}?org_id=${emulator.org_id}`);
    expect([bob.get(ACCESS), bob.get(REFRESH)]).toEqual([undefined, undefined]);
  });

  it('never puts a token or key in the server output', () => {
    const output = app.output();
    expect(output).toContain('Ready');
    for (const secret of [emulator.api_key, emulator.secret_key]) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/eyJ[\w-]{20,}/);
  });
});
