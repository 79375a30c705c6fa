import type { ScenarioConfig, ScenarioReport } from '../scenario/types.js';
import { runChildForReport } from './child-report.js';
import { binary, builtEntry } from './paths.js';

/** Bun 1 (the npm `bun` package's binary): runs the built entry, resolving `@authlite/core` from node_modules. */
export function launchBun(config: ScenarioConfig, timeoutMs = 60_000): Promise<ScenarioReport> {
  return runChildForReport(
    binary('bun'),
    ['run', builtEntry('bun'), JSON.stringify(config)],
    { DO_NOT_TRACK: '1', NO_COLOR: '1' },
    timeoutMs,
  );
}
