import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from '@authlite/store-conformance';
import { type ConformanceEmulator, describeConformance, startConformanceEmulator } from '@authlite/store-conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDenoScript, DENO, type DenoScript, denoEnv } from './deno-cli.js';

let emulator: ConformanceEmulator;
let deno: DenoScript;

beforeAll(async () => {
  emulator = await startConformanceEmulator();
  deno = await bundleDenoScript('entry', 'authlite-deno-kv-');
});

afterAll(async () => {
  await emulator?.stop();
  await deno?.remove();
});

describeConformance(
  'Deno KV (Deno CLI)',
  async () => (await deno.run('conformance', emulator.config, await deno.freshDir('conformance'))) as CaseResult[],
);

describe('Deno KV limits, in the Deno CLI', () => {
  it('splits a snapshot over 64 KiB into chunks written atomically, and expires by the store ttl', async () => {
    const observed = (await deno.run('limits', {}, await deno.freshDir('limits'))) as Record<string, unknown>;
    expect(observed['bytes']).toBeGreaterThan(65_536);
    const chunks = Math.ceil((observed['bytes'] as number) / (observed['chunkBytes'] as number));
    expect(observed).toEqual({
      bytes: observed['bytes'],
      chunkBytes: 60_000,
      rawRejectsBig: true,
      bigBack: true,
      chunksAfterBig: chunks,
      chunksAfterSmall: 0,
      raceWhole: true,
      chunksAfterRace: chunks,
      expiryAtOnce: true,
      expiryAfterTtl: null,
    });
  });
});

describe('Deno types', () => {
  it('a real Deno.Kv passes for the adapter: deno check of the source accepts fromDenoKv(await Deno.openKv())', async () => {
    // Inside the package (git-ignored .tmp/), so that Deno resolves @authlite/core from node_modules.
    const checkDir = fileURLToPath(new URL('../.tmp/', import.meta.url));
    await mkdir(checkDir, { recursive: true });
    const file = join(checkDir, 'deno-check.ts');
    await writeFile(
      file,
      [
        "import { createKvStore, fromDenoKv } from '../src/index.ts';",
        "const kv: Deno.Kv = await Deno.openKv(':memory:');",
        "const store = createKvStore(fromDenoKv(kv, { prefix: ['app', 1] }), { prefix: 'x:', ttl: 60 });",
        "const value: unknown = await store.get('k');",
        'console.log(value);',
      ].join('\n'),
    );
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        DENO,
        ['check', '--quiet', '--unstable-kv', '--unstable-sloppy-imports', file],
        { env: denoEnv(), timeout: 120_000 },
        (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
