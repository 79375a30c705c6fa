import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@authlite/test-helpers';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../src/node/index.js';
import { signKey, verifyAnswer } from './helpers.js';

// Issue 9 item 6 in a real browser (Debian's Chromium): the login widget and the profile
// page still work from the emulator's own origin, while a foreign page, and the emulator
// reached under a rebound name, cannot drive the control API.
let emulator: RunningEmulator;
let app: Server;
let appUrl: string;
let context: BrowserContext;
let page: Page;
let profileDir: string;
let signedKey: string;

beforeAll(async () => {
  app = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>app</title><p>${request.url === '/evil' ? 'evil' : 'app'}</p>`);
  });
  await new Promise<void>((done) => app.listen(0, '127.0.0.1', done));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  emulator = await startEmulator({ callbackUrl: `${appUrl}/auth/callback` });
  signedKey = await signKey(emulator.api_key, emulator.secret_key);
  profileDir = mkdtempSync(join(tmpdir(), 'authlite-emulator-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // DNS rebinding, for real: evil.example resolves to the loopback address.
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.example 127.0.0.1'],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await emulator?.stop();
  await new Promise((done) => app?.close(done));
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

async function clockOffsetS(): Promise<number> {
  const beforeS = Math.floor(Date.now() / 1000);
  const res = await fetch(`${emulator.url}/__emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_s: 0 }),
  });
  const { now } = (await res.json()) as { now: number };
  // The emulator runs in this process on the host clock: its offset lies between these two.
  const [low, high] = [now - Math.floor(Date.now() / 1000), now - beforeS];
  return low <= 0 && 0 <= high ? 0 : low;
}

describe('in Chromium', () => {
  it('signs in through the login widget and lands on the callback with a code that works', async () => {
    await page.goto(`${emulator.widget_url}?org_id=${emulator.org_id}`);
    await page.fill('#email', 'dana@example.com');
    await Promise.all([page.waitForURL(`${appUrl}/auth/callback?**`), page.click('button[type=submit]')]);
    const code = new URL(page.url()).searchParams.get('code')!;
    const q = new URLSearchParams({ api_key: emulator.api_key, signed_key: signedKey, UserToken: code });
    const res = await fetch(`${emulator.url}/api/user/me/auth/data?${q}`);
    expect(res.status).toBe(200);
    const claims = await verifyAnswer(await res.json(), emulator.secret_key);
    expect(JSON.parse(claims['sub'] as string)).toMatchObject({ email: 'dana@example.com' });

    // The profile page, served with the user's access token, posts back and redirects.
    const settings = new URLSearchParams({
      AccessToken: claims['access_token'] as string,
      api_key: emulator.api_key,
      signed_key: signedKey,
      url: `${appUrl}/profile-done`,
    });
    await page.goto(`${emulator.url}/api/user/me/settings/?${settings}`);
    await page.fill('#name', 'Dana D.');
    await Promise.all([page.waitForURL(`${appUrl}/profile-done?**`), page.click('button[type=submit]')]);
    expect(new URL(page.url()).searchParams.get('ac')).toBe('true');
  });

  it("lets a page of the emulator's own origin call the control API with JSON", async () => {
    await page.goto(`${emulator.url}/__emulator/requests`);
    const status = await page.evaluate(async () => {
      const res = await fetch('/__emulator/clock', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"advance_s":0}',
      });
      return res.status;
    });
    expect(status).toBe(200);
  });

  it('keeps a foreign page from moving the clock, with a simple POST or with JSON', async () => {
    await page.goto(`http://evil.example:${new URL(appUrl).port}/evil`);
    const outcome = await page.evaluate(async (target) => {
      const results: string[] = [];
      await fetch(`${target}/__emulator/clock`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'content-type': 'text/plain' },
        body: '{"advance_s":100000}',
      }).then(
        (r) => results.push(`no-cors ${r.type}`),
        () => results.push('no-cors failed'),
      );
      await fetch(`${target}/__emulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"advance_s":100000}',
      }).then(
        (r) => results.push(`cors ${r.status}`),
        () => results.push('cors failed'),
      );
      return results;
    }, emulator.url);
    expect(outcome[1]).toBe('cors failed'); // the preflight is refused
    expect(await clockOffsetS()).toBe(0);
  });

  it('refuses the emulator reached under a rebound name (Host: evil.example)', async () => {
    const response = await page.goto(`http://evil.example:${new URL(emulator.url).port}/__emulator/requests`);
    expect(response?.status()).toBe(403);
    expect(await response?.json()).toEqual({
      detail: "Host not allowed: use the emulator's own address or localhost, or start it with --allowed-host NAME",
    });
  });
});
