import { fileURLToPath } from 'node:url';
import { type CaseResult, type ConformanceConfig, EmulatorControl } from '@authlite/store-conformance';
import { bundle, type ConformanceEmulator, describeConformance, startConformanceEmulator } from '@authlite/store-conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type RunningChromium } from './browser/chromium.js';
import type { BrowserApi } from './browser/entry.js';

let emulator: ConformanceEmulator;
let browser: RunningChromium;
let script: string;
let config: ConformanceConfig;

/** Runs `fn` in the page with the bundle's API; `arg` crosses as JSON. */
function inPage<A, R>(fn: (api: BrowserApi, arg: A) => Promise<R>, arg: A): Promise<R> {
  const run = ([source, value]: [string, unknown]) => {
    const api = (globalThis as unknown as { authliteIdb: BrowserApi }).authliteIdb;
    return (new Function('api', 'arg', `return (${source})(api, arg);`) as (api: BrowserApi, arg: unknown) => Promise<unknown>)(api, value);
  };
  return browser.page.evaluate(run, [fn.toString(), arg] as [string, unknown]) as Promise<R>;
}

/** Loads a page of the emulator's origin (so the page and the API share an origin) and the bundle into it. */
async function openPage(): Promise<void> {
  await browser.page.goto(`${emulator.config.emulatorUrl}/__emulator/requests`);
  await browser.page.addScriptTag({ content: script });
}

beforeAll(async () => {
  emulator = await startConformanceEmulator({ clientOptions: { dangerouslyAllowBrowser: true } });
  config = emulator.config;
  script = await bundle(fileURLToPath(new URL('./browser/entry.ts', import.meta.url)), { format: 'iife' });
  browser = await launchChromium();
  await openPage();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.stop();
});

describeConformance('IndexedDB (Chromium)', () => inPage((api, c) => api.runConformance(c), config) as Promise<CaseResult[]>);

describe('IndexedDB in Chromium: connections the browser closes', () => {
  const MARKER = 'rol_mrk_00000000000000c1';

  it('an upgrade from another connection is not blocked; the store reopens once and keeps its data', async () => {
    const orgId = config.orgs.main.orgId;
    expect(await inPage((api, a) => api.hold('upgrade', a.orgId, 'reopen-upgrade', a.marker), { orgId, marker: MARKER })).toEqual([MARKER]);
    expect(await inPage((api) => api.upgradeElsewhere('reopen-upgrade'), null)).toEqual({ blocked: false, version: 2 });
    expect(await inPage((api) => api.readHeld('upgrade'), null)).toEqual([MARKER]);
  });

  it('clearing site data force-closes the connection; the store reopens and the client refills it from the API', async () => {
    const orgId = config.orgs.main.orgId;
    await new EmulatorControl(config.emulatorUrl).reset();
    expect(await inPage((api, a) => api.hold('cleared', a.orgId, 'reopen-cleared', a.marker), { orgId, marker: MARKER })).toEqual([MARKER]);
    const cdp = await browser.context.newCDPSession(browser.page);
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(config.emulatorUrl).origin, storageTypes: 'indexeddb' });
    expect(await inPage((api) => api.readHeld('cleared'), null)).toBeNull();
    const checked = await inPage((api, c) => api.checkWithHeld(c, 'cleared'), config);
    expect(checked.allowed).toBe(true);
    expect(checked.stored?.sort()).toEqual(['rol_adm_00000000000000a1', 'rol_edt_00000000000000e1', 'rol_vwr_00000000000000f1']);
  });
});

describe('IndexedDB in Chromium: the role cache survives a page load', () => {
  it('a new page loads the snapshot from IndexedDB without asking GET /rbac/role again', async () => {
    const emu = new EmulatorControl(config.emulatorUrl);
    await emu.reset();
    const first = await inPage((api, c) => api.checkWithDefaultStore(c), config);
    expect(first.allowed).toBe(true);
    expect(first.count).toBe(3);
    expect(first.databases).toContain(`authlite-roles-${config.orgs.main.orgId}`);
    expect(await emu.roleFetches()).toBe(1);

    await browser.page.reload();
    await browser.page.addScriptTag({ content: script });
    const second = await inPage((api, c) => api.checkWithDefaultStore(c), config);
    expect(second).toEqual(first);
    expect(await emu.roleFetches()).toBe(1);
  });
});
