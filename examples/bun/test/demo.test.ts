// Runs the Bun example with the npm bun binary, as `pnpm start` does, and checks its transcript.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_FLOW_RESULTS, readDemoTranscript } from '@authlite/test-helpers';
import { expect, it } from 'vitest';

const exampleDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function bunBinary(): string {
  for (let dir = exampleDir; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', 'bun');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('node_modules/.bin/bun not found: run scripts/setup.sh');
}

it('runs the whole demo flow on Bun against the emulator it serves with Bun.serve', () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DO_NOT_TRACK: '1' };
  for (const name of ['TRUSTAUTHX_API_KEY', 'TRUSTAUTHX_SECRET_KEY', 'TRUSTAUTHX_ORG_ID']) delete env[name];
  const result = spawnSync(bunBinary(), ['run', join(exampleDir, 'main.ts')], { cwd: exampleDir, env, encoding: 'utf8', timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const { header, steps, footer } = readDemoTranscript(result.stdout);
  expect(header).toMatch(/^authlite on Bun 1\.\d+\.\d+, against the emulator served by Bun\.serve at http:\/\/127\.0\.0\.1:\d+$/);
  expect(steps).toMatchObject(DEMO_FLOW_RESULTS);
  expect(steps['validateTokenSet after 3601 s']).toMatch(/^state=false new access eyJ/);
  expect(footer).toBe('bun demo finished: every step ran');
  // Tokens are shortened in the transcript, never printed whole.
  expect(result.stdout).not.toMatch(/eyJ[\w-]{20,}/);
});
