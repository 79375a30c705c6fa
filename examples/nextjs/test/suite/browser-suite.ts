// Chromium (playwright-core driving Debian's /usr/bin/chromium) against the built app and the
// emulator: login through the emulator's widget, permissions, two tabs on an expired session,
// logout, and sessions of 0, 100 and 200 roles. A screenshot of each step goes to the artifacts folder.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@authlite/store-conformance/chromium';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { control, widgetUrl } from './control.js';

export function browserSuite(): void {
  const { url: app, variant, artifacts } = inject('app');
  let context: BrowserContext;
  let profile: string;

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
  }

  /** Signs in through the emulator's widget from a guarded page; ends on that page. */
  async function signIn(page: Page, email: string, from: string, screenshot?: string): Promise<void> {
    await page.goto(`${app}${from}`);
    expect(page.url()).toBe(widgetUrl());
    if (screenshot) await shot(page, screenshot);
    await page.fill('#email', email);
    await Promise.all([page.waitForURL(`${app}${from}`), page.click('button[type=submit]')]);
  }

  beforeAll(() => {
    mkdirSync(artifacts, { recursive: true });
  });

  beforeEach(async () => {
    await control('reset');
    profile = mkdtempSync(join(tmpdir(), 'authlite-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
  });

  afterEach(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  afterAll(() => undefined);

  describe(`${variant} in Chromium`, () => {
    it('signs in through the widget, lands on the page showing the user, and logs out', async () => {
      const page = await context.newPage();
      await signIn(page, 'alice@example.com', '/dashboard', '01-login-widget');
      await expect.poll(() => page.textContent('#user')).toBe('Signed in as alice@example.com (roles: rol_adm_00000000000000a1)');
      await shot(page, '02-dashboard-signed-in');

      await Promise.all([page.waitForURL(`${app}/`), page.click('#logout')]);
      expect(await page.textContent('#user')).toBe('Not signed in');
      expect(
        (await context.cookies(app)).filter(
          (cookie) => cookie.name.startsWith('authlite_access') || cookie.name.startsWith('authlite_refresh'),
        ),
      ).toEqual([]);
      await shot(page, '05-signed-out');
      await page.goto(`${app}/dashboard`);
      expect(page.url()).toBe(widgetUrl());
    });

    it('answers 403 on the admin page for a viewer and 200 for an admin', async () => {
      const page = await context.newPage();
      await signIn(page, 'bob@example.com', '/reports');
      const forbidden = await page.goto(`${app}/admin`);
      expect(forbidden?.status()).toBe(403);
      expect(await page.textContent('body')).toBe('Forbidden: this page needs the permission user=administration');
      await shot(page, '03-admin-forbidden-viewer');

      await context.clearCookies();
      await signIn(page, 'alice@example.com', '/admin');
      const allowed = await page.goto(`${app}/admin`);
      expect(allowed?.status()).toBe(200);
      expect(await page.textContent('#can-admin')).toBe('Can administrate users');
      await shot(page, '04-admin-allowed');
    });

    it('two tabs that hit an expired session at once both stay signed in', async () => {
      const first = await context.newPage();
      await signIn(first, 'alice@example.com', '/dashboard');
      const before = (await context.cookies(app)).find((cookie) => cookie.name === 'authlite_refresh')?.value;
      await control('clock', { advance_s: 3601 });
      const second = await context.newPage();
      const [a, b] = await Promise.all([first.goto(`${app}/dashboard`), second.goto(`${app}/reports`)]);
      expect([a?.status(), b?.status()]).toEqual([200, 200]);
      expect(await first.textContent('#user')).toContain('alice@example.com');
      expect(await second.textContent('#user')).toContain('alice@example.com');
      const after = (await context.cookies(app)).find((cookie) => cookie.name === 'authlite_refresh')?.value;
      expect(after).not.toBe(before);
      // Still signed in afterwards, with the pair the browser kept.
      await first.reload();
      expect(await first.textContent('#user')).toContain('alice@example.com');
    });

    it.each([0, 100, 200])('keeps a session of a user with %i roles (cookies in chunks under 4096 bytes)', async (count) => {
      const page = await context.newPage();
      await signIn(page, `roles${count}@example.com`, '/dashboard');
      expect(await page.textContent('#user')).toContain(`roles${count}@example.com`);
      const cookies = (await context.cookies(app)).filter((cookie) => cookie.name.startsWith('authlite_access'));
      if (count === 0) expect(cookies.map((cookie) => cookie.name)).toEqual(['authlite_access']);
      else expect(cookies.length).toBeGreaterThan(1);
      for (const cookie of cookies) expect(cookie.name.length + cookie.value.length).toBeLessThan(4096);
      await page.reload();
      expect(await page.textContent('#user')).toContain(`roles${count}@example.com`);
      if (count === 200) await shot(page, '06-dashboard-200-roles');
    });
  });
}
