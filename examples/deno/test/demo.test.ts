// Runs the Deno example with the npm deno binary, as `pnpm start` does, and checks its transcript.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_FLOW_RESULTS, readDemoTranscript } from '@authlite/test-helpers';
import { expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function denoBinary(): string {
  for (let dir = exampleDir; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', 'deno');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('node_modules/.bin/deno not found: run scripts/setup.sh');
}

it('runs the whole demo flow on Deno against the emulator it serves with Deno.serve', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' };
  for (const name of ['TRUSTAUTHX_API_KEY', 'TRUSTAUTHX_SECRET_KEY', 'TRUSTAUTHX_ORG_ID']) delete env[name];
  // An empty working directory: on a resolution failure Deno 2.9 rewrites a package.json next to a pnpm-workspace.yaml above it.
  const result = spawnSync(
    denoBinary(),
    [
      'run',
      '--no-prompt',
      '--allow-net=127.0.0.1',
      '--allow-env=TRUSTAUTHX_API_KEY,TRUSTAUTHX_SECRET_KEY,TRUSTAUTHX_ORG_ID',
      join(exampleDir, 'main.ts'),
    ],
    { cwd: mkdtempSync(join(tmpdir(), 'authlite-deno-example-')), env, encoding: 'utf8', timeout: 60_000 },
  );
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const { header, steps, footer } = readDemoTranscript(result.stdout);
  expect(header).toMatch(/^authlite on Deno 2\.\d+\.\d+, against the emulator served by Deno\.serve at http:\/\/127\.0\.0\.1:\d+$/);
  expect(steps).toMatchObject(DEMO_FLOW_RESULTS);
  expect(steps['validateTokenSet after 3601 s']).toMatch(/^state=false new access eyJ/);
  expect(footer).toBe('deno demo finished: every step ran');
  // Tokens are shortened in the transcript, never printed whole.
  expect(result.stdout).not.toMatch(/eyJ[\w-]{20,}/);
});
