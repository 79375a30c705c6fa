import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseResult, ConformanceConfig } from '@authlite/store-conformance';
import { bundle, type ConformanceEmulator, describeConformance, startConformanceEmulator } from '@authlite/store-conformance/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The Deno CLI from the npm `deno` package (a devDependency). */
const DENO = fileURLToPath(new URL('../node_modules/.bin/deno', import.meta.url));

let emulator: ConformanceEmulator;
let dir: string;
let script: string;

beforeAll(async () => {
  emulator = await startConformanceEmulator();
  dir = await mkdtemp(join(tmpdir(), 'authlite-deno-kv-'));
  script = join(dir, 'entry.mjs');
  await writeFile(script, await bundle(fileURLToPath(new URL('./deno/entry.ts', import.meta.url)), { format: 'esm' }));
});

afterAll(async () => {
  await emulator?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the bundle in the Deno CLI with only the permissions it needs; returns its JSON line. */
function runDeno(mode: string, config: ConformanceConfig | Record<string, never>, kvDir: string): Promise<unknown> {
  const args = [
    'run',
    '--quiet',
    '--no-prompt',
    '--unstable-kv',
    '--allow-net=127.0.0.1',
    `--allow-read=${kvDir}`,
    `--allow-write=${kvDir}`,
    script,
    mode,
    JSON.stringify(config),
    kvDir,
  ];
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' };
  return new Promise((resolve, reject) => {
    execFile(DENO, args, { cwd: kvDir, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`deno ${mode} failed: ${error.message}\n${stderr}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
      } catch {
        reject(new Error(`deno ${mode} printed no JSON line:\n${stdout}\n${stderr}`));
      }
    });
  });
}

async function freshDir(name: string): Promise<string> {
  const kvDir = join(dir, name);
  await rm(kvDir, { recursive: true, force: true });
  await mkdir(kvDir);
  return kvDir;
}

describeConformance(
  'Deno KV (Deno CLI)',
  async () => (await runDeno('conformance', emulator.config, await freshDir('conformance'))) as CaseResult[],
);

describe('Deno KV limits, in the Deno CLI', () => {
  it('splits a snapshot over 64 KiB into chunks written atomically, and expires by the store ttl', async () => {
    const observed = (await runDeno('limits', {}, await freshDir('limits'))) as Record<string, unknown>;
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
    const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' };
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        DENO,
        ['check', '--quiet', '--unstable-kv', '--unstable-sloppy-imports', file],
        { env, timeout: 120_000 },
        (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
