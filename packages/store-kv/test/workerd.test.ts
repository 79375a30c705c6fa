import { fileURLToPath } from 'node:url';
import { type CaseResult, type ConformanceConfig, EmulatorControl } from '@authlite/store-conformance';
import { bundle, type ConformanceEmulator, describeConformance, startConformanceEmulator } from '@authlite/store-conformance/node';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudflareKvNamespace, fromCloudflareKv } from '../src/index.js';

let emulator: ConformanceEmulator;
let config: ConformanceConfig;
let mf: Miniflare;

beforeAll(async () => {
  emulator = await startConformanceEmulator();
  config = emulator.config;
  const script = await bundle(fileURLToPath(new URL('./worker/entry.ts', import.meta.url)), {
    format: 'esm',
    conditions: ['workerd', 'worker'],
  });
  mf = new Miniflare({
    modules: true,
    script,
    kvNamespaces: ['ROLES'],
    compatibilityDate: '2026-07-01',
    cf: false,
  });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await emulator?.stop();
});

async function post(path: string, body: unknown): Promise<Response> {
  const response = await mf.dispatchFetch(`http://worker.local${path}`, { method: 'POST', body: JSON.stringify(body) });
  return response as unknown as Response;
}

describeConformance(
  'Workers KV (workerd, client inside the worker)',
  async () => (await (await post('/conformance', config)).json()) as CaseResult[],
);

describe('Workers KV limits, in workerd', () => {
  it('a ttl under 60 s: Workers KV refuses it raw, the adapter keeps the key 60 s and the store reads it as absent after ttl', async () => {
    const response = await post('/short-ttl', {});
    expect(response.status).toBe(200);
    const observed = (await response.json()) as Record<string, unknown>;
    expect(observed).toMatchObject({ rawRejectsShortTtl: true, atOnce: true, afterTtl: null, stillInKv: true });
    // Workers KV's 60 s minimum, whatever the time the put took: at least 59 s from before it, at most 61 s from after it.
    const keeps = observed['kvKeepsForS'] as { fromBeforePut: number; fromAfterPut: number };
    expect(keeps.fromBeforePut).toBeGreaterThanOrEqual(59);
    expect(keeps.fromAfterPut).toBeLessThanOrEqual(61);
  });
});

describe('fromCloudflareKv on the workerd KV simulator, from Node', () => {
  it('refuses keys over 512 bytes before calling KV, accepts the 30 s cacheTtl floor, refuses less', async () => {
    const namespace = (await mf.getKVNamespace('ROLES')) as unknown as CloudflareKvNamespace;
    const backend = fromCloudflareKv(namespace, { cacheTtl: 30 });
    await backend.put('node-side', 'value', 1);
    expect(await backend.get('node-side')).toBe('value');
    await expect(backend.put('k'.repeat(513), 'value', 60)).rejects.toThrow(RangeError);
    await expect(backend.get('é'.repeat(257))).rejects.toThrow(/at most 512 bytes/);
    expect(() => fromCloudflareKv(namespace, { cacheTtl: 10 })).toThrow(/Invalid option "cacheTtl"/);
    expect(() => fromCloudflareKv(namespace, { cacheTtl: 45.5 })).toThrow(TypeError);
  });
});

describe('a client shared by overlapping requests in one isolate', () => {
  const emu = () => new EmulatorControl(config.emulatorUrl);
  it('the first request gives up while its role fetch is under way: the second still answers, with a fetch of its own', async () => {
    await emu().reset();
    // Only the first GET /rbac/role is slow: it is still under way when this file ends.
    await emu().faults([{ method: 'GET', path: '/rbac/role', delay_ms: 60_000, times: 1 }]);
    const gaveUp = await post('/check?giveUp=on-role-fetch', { ...config, runId: `${config.runId}-a` });
    expect(gaveUp.status).toBe(504);
    expect(await gaveUp.text()).toBe('gave up');
    // Sharing the first request's fetch would hang here until the runtime kills the request.
    const answer = await post('/check', { ...config, runId: `${config.runId}-a` });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ allowed: true });
    // The log records a request when it ends: the second request's fetch ended, the first's is still held.
    expect(await emu().roleFetches()).toBe(1);
  });

  it('later requests answer from the cache the second request filled, with no fetch', async () => {
    const before = await emu().roleFetches();
    const third = await post('/check', config);
    expect(await third.json()).toEqual({ allowed: true });
    expect(await emu().roleFetches()).toBe(before);
  });

  it('two overlapping requests that both finish each get the answer; each request runs its own sync', async () => {
    await emu().reset();
    await emu().faults([{ method: 'GET', path: '/rbac/role', delay_ms: 400 }]);
    const fresh = { ...config, runId: `${config.runId}-b` };
    // A new isolate-wide client would be needed for an empty cache: use a fresh worker instance.
    const worker = new Miniflare({
      modules: true,
      script: await workerScript(),
      kvNamespaces: ['ROLES'],
      compatibilityDate: '2026-07-01',
      cf: false,
    });
    try {
      const send = () => worker.dispatchFetch('http://worker.local/check', { method: 'POST', body: JSON.stringify(fresh) });
      const [a, b] = await Promise.all([send(), send()]);
      expect(await a.json()).toEqual({ allowed: true });
      expect(await b.json()).toEqual({ allowed: true });
      expect(await emu().roleFetches()).toBe(2);
    } finally {
      await worker.dispose();
    }
  });
});

function workerScript(): Promise<string> {
  return bundle(fileURLToPath(new URL('./worker/entry.ts', import.meta.url)), { format: 'esm', conditions: ['workerd', 'worker'] });
}
