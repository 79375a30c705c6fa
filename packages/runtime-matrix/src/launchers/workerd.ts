import { createRequire } from 'node:module';
import { Miniflare } from 'miniflare';
import type { ScenarioConfig, ScenarioReport } from '../scenario/types.js';
import { bundleEntry, TARGETS } from './bundle.js';

/** Compatibility date of the matrix worker (within what the installed workerd supports). */
export const COMPATIBILITY_DATE = '2026-07-01';

/**
 * workerd through Miniflare: the client runs inside a module worker (bundled with the
 * `workerd` export conditions, no Node compatibility flag), which is asked over
 * `dispatchFetch` to run the scenario. `cf: false`: no fetch of cf.json from the internet.
 */
export async function launchWorkerd(config: ScenarioConfig): Promise<ScenarioReport> {
  const script = await bundleEntry('worker', TARGETS.workerd);
  const mf = new Miniflare({
    modules: true,
    script,
    compatibilityDate: COMPATIBILITY_DATE,
    cf: false,
    handleRuntimeStdio: quietExpectedFailures,
  });
  try {
    const response = await mf.dispatchFetch('http://matrix.local/', { method: 'POST', body: JSON.stringify(config) });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`the matrix worker answered ${response.status}: ${text.slice(0, 500)}`);
    const report = JSON.parse(text) as ScenarioReport;
    // Inside, workerd only says "Cloudflare-Workers"; the version is the workerd Miniflare runs.
    return { ...report, runtime: { ...report.runtime, version: workerdVersion() } };
  } finally {
    await mf.dispose();
  }
}

/** Version of the workerd binary Miniflare depends on. */
function workerdVersion(): string {
  const fromMiniflare = createRequire(createRequire(import.meta.url).resolve('miniflare'));
  return (fromMiniflare('workerd/package.json') as { version: string }).version;
}

/**
 * Passes workerd's output through, except the internal-error reports it prints for the
 * scenario's deliberate DNS and TLS failures (a `workerd/jsg/util.c++` line and its `stack:`).
 */
function quietExpectedFailures(stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream): void {
  stdout.pipe(process.stdout);
  stderr.on('data', (chunk: Buffer) => {
    const kept = chunk
      .toString()
      .split('\n')
      .filter((line) => !/^(workerd\/jsg\/util\.c\+\+:\d+: error: e = kj\/(async-io-unix|compat\/tls)|stack: )/.test(line));
    if (kept.some((line) => line.trim())) process.stderr.write(kept.join('\n'));
  });
}
