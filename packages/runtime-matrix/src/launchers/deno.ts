import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioConfig, ScenarioReport } from '../scenario/types.js';
import { runChildForReport } from './child-report.js';
import { binary, builtEntry } from './paths.js';

/**
 * Deno 2 (the npm `deno` package's binary): runs the built entry, which imports the built
 * `@authlite/core` from node_modules. Network access is limited to the emulator, the decoy and the unreachable targets.
 * Deno finds the package.json from the entry's own path; its working directory is an empty
 * one, because on a resolution failure Deno 2.9 rewrites the package.json next to a
 * pnpm-workspace.yaml it finds above the working directory.
 */
export function launchDeno(config: ScenarioConfig, timeoutMs = 60_000): Promise<ScenarioReport> {
  // The emulator, the decoy and the unreachable targets (the scenario must see them fail, not be refused permission).
  const hosts = [config.baseUrl, config.decoyUrl, ...Object.values(config.unreachable)].map((url) => new URL(url).host);
  return runChildForReport(
    binary('deno'),
    ['run', '--no-prompt', '--quiet', `--allow-net=${[...new Set(hosts)].join(',')}`, builtEntry('deno'), JSON.stringify(config)],
    { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
    timeoutMs,
    mkdtempSync(join(tmpdir(), 'authlite-deno-')),
  );
}
