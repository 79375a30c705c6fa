import type { ScenarioConfig, ScenarioReport } from '../scenario/types.js';
import { launchBun } from './bun.js';
import { launchChromium } from './chromium.js';
import { launchDeno } from './deno.js';
import { launchEdgeRuntime } from './edge-runtime.js';
import { launchNode } from './node.js';
import { launchWorkerd } from './workerd.js';

/** One runtime of the matrix. */
export interface RuntimeLauncher {
  /** The name the scenario must report from inside (its own globals). */
  id: 'node' | 'deno' | 'bun' | 'workerd' | 'edge-runtime' | 'chromium';
  /** How it is run, for the summary line. */
  via: string;
  /** Whether the page has a window and a document, so the client must refuse a secret key without the opt-in. */
  browser: boolean;
  launch(config: ScenarioConfig): Promise<ScenarioReport>;
}

/** Every runtime of the matrix, in the order the CLI runs them. */
export const RUNTIMES: readonly RuntimeLauncher[] = [
  { id: 'node', via: 'in-process', browser: false, launch: launchNode },
  { id: 'deno', via: 'npm deno binary', browser: false, launch: (config) => launchDeno(config) },
  { id: 'bun', via: 'npm bun binary', browser: false, launch: (config) => launchBun(config) },
  { id: 'workerd', via: 'Miniflare module worker', browser: false, launch: launchWorkerd },
  { id: 'edge-runtime', via: '@edge-runtime/vm EdgeVM', browser: false, launch: launchEdgeRuntime },
  { id: 'chromium', via: 'playwright-core, /usr/bin/chromium', browser: true, launch: launchChromium },
];
