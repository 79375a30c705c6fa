// The Deno CLI harness of the Deno tests: bundles an entry under test/deno/ into a temporary
// directory and runs it with only the permissions it needs, one JSON line back per run.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from '@authlite/store-conformance/node';

/** The Deno CLI from the npm `deno` package (a devDependency). */
export const DENO = fileURLToPath(new URL('../node_modules/.bin/deno', import.meta.url));

/** The environment every Deno CLI run gets: no update check, no prompt, no colour. */
export const denoEnv = (): NodeJS.ProcessEnv => ({ ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' });

/** One bundled Deno script in its own temporary directory. */
export interface DenoScript {
  /** The temporary directory; KV directories go under it. */
  dir: string;
  /** Runs `<script> mode <input JSON> <kvDir>` in the Deno CLI; resolves with its last stdout line, parsed. */
  run(mode: string, input: unknown, kvDir: string): Promise<unknown>;
  /** A new, empty directory `name` under `dir` (emptied first if it exists). */
  freshDir(name: string): Promise<string>;
  /** Removes the temporary directory. */
  remove(): Promise<void>;
}

/** Bundles `test/deno/<entry>.ts` (ESM) into a new temporary directory named after `tmpPrefix`. */
export async function bundleDenoScript(entry: string, tmpPrefix: string): Promise<DenoScript> {
  const dir = await mkdtemp(join(tmpdir(), tmpPrefix));
  const script = join(dir, `${entry}.mjs`);
  await writeFile(script, await bundle(fileURLToPath(new URL(`./deno/${entry}.ts`, import.meta.url)), { format: 'esm' }));
  return {
    dir,
    run: (mode, input, kvDir) => runDeno(script, mode, input, kvDir),
    async freshDir(name) {
      const kvDir = join(dir, name);
      await rm(kvDir, { recursive: true, force: true });
      await mkdir(kvDir);
      return kvDir;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

function runDeno(script: string, mode: string, input: unknown, kvDir: string): Promise<unknown> {
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
    JSON.stringify(input),
    kvDir,
  ];
  return new Promise((resolve, reject) => {
    execFile(DENO, args, { cwd: kvDir, env: denoEnv(), timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`deno ${mode} failed: ${error.message}\n${stderr}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? ''));
      } catch {
        reject(new Error(`deno ${mode} printed no JSON line:\n${stdout}\n${stderr}`));
      }
    });
  });
}
