import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@authlite/store-conformance/chromium';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export { CHROMIUM_PATH };

/** A headless Chromium with a fresh profile, and one page. */
export interface RunningChromium {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser) with a fresh
 * user-data-dir, removed on close.
 * @throws when /usr/bin/chromium is missing (run scripts/install-chromium.sh) or fails to start.
 */
export async function launchChromium(): Promise<RunningChromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'authlite-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return {
      context,
      page,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
