// The example page in headless Chromium (playwright-core, /usr/bin/chromium): a real login
// through the emulator's widget, permission checks from a role cache kept in IndexedDB
// (@authlite/store-idb), a refresh after expiry, and logout.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@authlite/store-conformance/chromium';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningExample, startExample } from '../src/server.js';

let example: RunningExample;
let context: BrowserContext;
let page: Page;
let userDataDir: string;

async function ready(): Promise<string> {
  await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
  return (await page.textContent('#status')) ?? '';
}

async function roleFetches(): Promise<number> {
  const log = (await (await fetch(`${example.emulator.url}/__emulator/requests`)).json()) as { path: string }[];
  return log.filter((entry) => entry.path === '/rbac/role').length;
}

async function permissions(): Promise<Record<string, string>> {
  return page.$$eval('#permissions tbody tr', (rows) =>
    Object.fromEntries((rows as HTMLTableRowElement[]).map((row) => [row.cells[0]?.textContent ?? '', row.cells[1]?.textContent ?? ''])),
  );
}

async function session(): Promise<{ access: string; refresh: string }> {
  return JSON.parse((await page.evaluate(() => sessionStorage.getItem('authlite-session'))) ?? '{}') as { access: string; refresh: string };
}

beforeAll(async () => {
  example = await startExample(0);
  userDataDir = await mkdtemp(join(tmpdir(), 'authlite-browser-example-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  await example?.stop();
});

describe('the browser example in Chromium', () => {
  it('shows the guard refusing a secret key without dangerouslyAllowBrowser, and a login link', async () => {
    await page.goto(example.url);
    expect(await ready()).toBe('Not logged in.');
    expect(await page.textContent('#guard')).toContain('Refused without the opt-in (ERR_CONFIGURATION, option dangerouslyAllowBrowser)');
    expect(await page.getAttribute('#login', 'href')).toBe(`${example.emulator.widget_url}?org_id=${example.emulator.org_id}`);
  });

  it('logs in through the widget and checks permissions from the role cache', async () => {
    await page.click('#login');
    await page.fill('#email', 'alice@example.com');
    await Promise.all([page.waitForURL(example.url), page.click('button[type=submit]')]);
    expect(await ready()).toBe('Logged in as alice@example.com (roles: rol_adm_00000000000000a1).');
    expect(page.url()).toBe(example.url); // the code was taken out of the address bar
    expect(await permissions()).toEqual({ 'billing=write': 'allowed', 'reports=read': 'allowed', 'posts=publish': 'denied' });
    expect(await roleFetches()).toBe(1);
  });

  it('keeps the roles in IndexedDB: a reload checks permissions without fetching them again', async () => {
    const stored = await page.evaluate(
      (orgId) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(`authlite-roles-${orgId}`);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('role-snapshots').objectStore('role-snapshots').get(`authlite:roles:v1:${orgId}`);
            request.onsuccess = () => resolve((request.result as { roles: unknown[] }).roles.length);
            request.onerror = () => reject(request.error);
          };
        }),
      example.emulator.org_id,
    );
    expect(stored).toBe(3);
    await page.reload();
    expect(await ready()).toBe('Logged in as alice@example.com (roles: rol_adm_00000000000000a1).');
    expect(await permissions()).toEqual({ 'billing=write': 'allowed', 'reports=read': 'allowed', 'posts=publish': 'denied' });
    expect(await roleFetches()).toBe(1);
  });

  it('refreshes the session after the access token expired', async () => {
    const before = await session();
    await fetch(`${example.emulator.url}/__emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance_s: 3601 }),
    });
    await page.reload();
    expect(await ready()).toBe('Logged in as alice@example.com (roles: rol_adm_00000000000000a1).');
    const after = await session();
    expect(after.access).toMatch(/^eyJ/);
    expect(after.access).not.toBe(before.access);
    expect(after.refresh).not.toBe(before.refresh);
  });

  it('logs out by revoking every token of the user', async () => {
    await Promise.all([page.waitForEvent('load'), page.click('#logout')]);
    expect(await ready()).toBe('Not logged in.');
    expect(await page.evaluate(() => sessionStorage.getItem('authlite-session'))).toBeNull();
    const log = (await (await fetch(`${example.emulator.url}/__emulator/requests`)).json()) as {
      method: string;
      path: string;
      query: string[];
      status: number;
    }[];
    const revoke = log.filter((entry) => entry.method === 'DELETE' && entry.path.startsWith('/api/user/me/token'));
    expect(revoke.map((entry) => [entry.status, [...entry.query].sort()])).toEqual([
      [200, ['AccessToken', 'SpecificTokenOnly', 'Token', 'api_key', 'signed_key']],
    ]);
  });
});
