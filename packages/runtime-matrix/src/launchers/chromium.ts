import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@authlite/store-conformance/chromium';
import { chromium } from 'playwright-core';
import type { ScenarioConfig, ScenarioReport } from '../scenario/types.js';
import { bundleEntry, TARGETS } from './bundle.js';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

const PAGE = '<!doctype html><meta charset="utf-8"><title>authlite runtime matrix</title><script type="module" src="/matrix.js"></script>';

/** Serves the matrix page and its bundle on 127.0.0.1 (a free port). */
async function servePage(bundle: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const body = request.url === '/matrix.js' ? bundle : PAGE;
    const type = request.url === '/matrix.js' ? 'text/javascript' : 'text/html';
    response.writeHead(request.url === '/' || request.url === '/matrix.js' ? 200 : 404, { 'content-type': `${type}; charset=utf-8` });
    response.end(request.url === '/' || request.url === '/matrix.js' ? body : 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/**
 * Chromium, headless, through playwright-core: a real page on its own origin loads the
 * scenario bundle (`browser` conditions) and runs it against the emulator on another
 * origin (the emulator answers CORS). The page has a `window` and a `document`, so the
 * client must refuse the secret key until `dangerouslyAllowBrowser: true` is given.
 */
export async function launchChromium(config: ScenarioConfig): Promise<ScenarioReport> {
  const { url, server } = await servePage(await bundleEntry('global-runner', TARGETS.browser));
  const userDataDir = await mkdtemp(join(tmpdir(), 'authlite-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const pageErrors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => '__authliteMatrix' in globalThis, undefined, { timeout: 15_000 });
    const report = await page.evaluate(
      (cfg) => (globalThis as unknown as { __authliteMatrix: { run(c: unknown): Promise<ScenarioReport> } }).__authliteMatrix.run(cfg),
      config,
    );
    // The page's user agent is frozen to "156.0.0.0"; the browser tells its full version.
    const { product } = await (await context.newCDPSession(page)).send('Browser.getVersion');
    return { ...report, runtime: { ...report.runtime, version: product.replace(/^\D+\//, '') } };
  } catch (error) {
    throw new Error(`${(error as Error).message}${pageErrors.length ? ` (page errors: ${pageErrors.join(' | ')})` : ''}`);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    await new Promise((resolve) => server.close(resolve));
  }
}
