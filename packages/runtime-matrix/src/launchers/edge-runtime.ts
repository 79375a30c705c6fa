import { createRequire } from 'node:module';
import { EdgeVM } from '@edge-runtime/vm';
import type { ScenarioConfig, ScenarioReport } from '../scenario/types.js';
import { bundleEntry, TARGETS } from './bundle.js';

/**
 * The Vercel Edge Runtime (`@edge-runtime/vm`, what Next.js middleware runs in): the
 * scenario, bundled with the `edge-light` conditions, is evaluated in an isolated EdgeVM
 * context that has only the Edge Runtime's globals (no `require`, no `process.versions`).
 */
export async function launchEdgeRuntime(config: ScenarioConfig): Promise<ScenarioReport> {
  const vm = new EdgeVM();
  vm.evaluate(await bundleEntry('global-runner', TARGETS.edge));
  const json = await vm.evaluate<Promise<string>>(
    `globalThis.__authliteMatrix.run(${JSON.stringify(config)}).then((report) => JSON.stringify(report))`,
  );
  const report = JSON.parse(json) as ScenarioReport;
  const { version } = createRequire(import.meta.url)('@edge-runtime/vm/package.json') as { version: string };
  return { ...report, runtime: { ...report.runtime, version: `vm ${version}` } };
}
