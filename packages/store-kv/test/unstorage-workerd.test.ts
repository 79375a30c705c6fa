import { fileURLToPath } from 'node:url';
import type { CaseResult } from '@authlite/store-conformance';
import { bundle, type ConformanceEmulator, describeConformance, startConformanceEmulator } from '@authlite/store-conformance/node';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let emulator: ConformanceEmulator;
let mf: Miniflare;

beforeAll(async () => {
  emulator = await startConformanceEmulator();
  const script = await bundle(fileURLToPath(new URL('./worker/unstorage-entry.ts', import.meta.url)), {
    format: 'esm',
    conditions: ['workerd', 'worker'],
  });
  mf = new Miniflare({ modules: true, script, kvNamespaces: ['ROLES'], compatibilityDate: '2026-07-01', cf: false });
  await mf.ready;
});

afterAll(async () => {
  await mf?.dispose();
  await emulator?.stop();
});

async function post(path: string, body: unknown): Promise<Response> {
  return (await mf.dispatchFetch(`http://worker.local${path}`, { method: 'POST', body: JSON.stringify(body) })) as unknown as Response;
}

describeConformance(
  'Workers KV through unstorage (cloudflare-kv-binding driver, workerd)',
  async () => (await (await post('/conformance', emulator.config)).json()) as CaseResult[],
);

describe('Workers KV limits through unstorage, in workerd', () => {
  it('a ttl under 60 s is raised to 60 s for KV while the envelope keeps its own 1 s expiry; a key over 512 bytes is refused before KV', async () => {
    const response = await post('/short-ttl', {});
    expect(response.status).toBe(200);
    const observed = (await response.json()) as Record<string, unknown>;
    expect(observed).toMatchObject({ atOnce: true, envelopeTtlS: 1 });
    expect(observed['longKey']).toMatch(/"cloudflare-kv-binding" driver are at most 512 bytes/);
    // Workers KV's 60 s minimum, whatever the time the put took: at least 59 s from before it, at most 61 s from after it.
    const keeps = observed['kvKeepsForS'] as { fromBeforePut: number; fromAfterPut: number };
    expect(keeps.fromBeforePut).toBeGreaterThanOrEqual(59);
    expect(keeps.fromAfterPut).toBeLessThanOrEqual(61);
  });
});
