import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { BUDGET, atMost } from '../budget.js';
import { inRounds, timeManual, type Timing } from '../harness.js';
import { fig, type Row } from '../results.js';
import { bundle, WORKER_TARGET } from '../size/bundle.js';
import { BENCH_DIR } from '../size/workspace.js';
import { differenceFigure, figure, ratioFigure, type Figure } from '../stats.js';

const SECTION = '6 cold start';
const run = promisify(execFile);
const CHILD = fileURLToPath(new URL('../cold/node-import.js', import.meta.url));
const COMPATIBILITY_DATE = '2026-07-01';

/** Options of the cold start section. */
export interface ColdOptions {
  /** Node: rounds, and fresh processes per variant per round (after one warm-up process). */
  rounds: number;
  perRound: number;
  /** workerd: rounds, and worker starts per variant per round (after one warm-up start). */
  workerRounds: number;
  workerPerRound: number;
}

type NodeVariant = 'core' | 'single' | 'deps' | 'jose';

async function nodeImportNs(variant: NodeVariant, single: string): Promise<number> {
  const { stdout } = await run(process.execPath, [CHILD, variant, pathToFileURL(single).href], { cwd: BENCH_DIR });
  return (JSON.parse(stdout) as { ms: number }).ms * 1e6;
}

/**
 * `@authlite/core`'s built `dist` bundled into one ES module (its dependencies left as
 * imports), written under `.tmp/` of the bench package so that those imports resolve: what a
 * bundled build of core would ship. It shows how much of the import time is module count.
 */
async function singleModuleCore(): Promise<string> {
  const out = join(BENCH_DIR, '.tmp', 'core-single', 'index.mjs');
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [createRequire(import.meta.url).resolve('@authlite/core')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    external: ['jose', 'ky', 'valibot', '@authlite/store-memory'],
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

const WORKERS = {
  empty: `export default { fetch() { return new Response('ok'); } };`,
  jose: `import * as jose from 'jose'; export default { fetch() { return new Response(typeof jose.compactVerify); } };`,
  core: `import { AuthLiteClient } from '@authlite/core';
export default { fetch(request) { const client = new AuthLiteClient({ apiKey: 'benchbenchbenchbench', secretKey: 'secretsecretsecret', orgId: 'bench-org' }); return new Response(typeof client.generateUrl()); } };`,
} as const;
type WorkerVariant = keyof typeof WORKERS;

/** Time from `new Miniflare` to the first answer of a worker running `script` (workerd start, module evaluation, first request). */
async function workerStartNs(script: string): Promise<number> {
  const t0 = performance.now();
  const mf = new Miniflare({ modules: true, script, compatibilityDate: COMPATIBILITY_DATE, cf: false });
  try {
    const response = await mf.dispatchFetch('http://bench.local/');
    const text = await response.text();
    const elapsed = performance.now() - t0;
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text.slice(0, 200)}`);
    return elapsed * 1e6;
  } finally {
    await mf.dispose();
  }
}

function medians(timings: Timing[]): Figure {
  return figure(timings.map((t) => t.p50Ns / 1e6));
}

/**
 * Row 6: cold start. Node: a fresh process imports `@authlite/core` and constructs a client,
 * against importing its dependencies alone (jose, ky, valibot, the memory store) and jose
 * alone; timed inside the child from the `import()` on. For reference, the same with core's
 * dist bundled into one module, which shows what the count of modules costs. workerd (Miniflare, `cf: false`):
 * time to the first answer of a new worker whose bundle (esbuild, minified) imports core and
 * constructs a client per request, against jose alone and an empty worker; this includes
 * starting workerd itself, which dominates.
 */
export async function benchColdStart(options: ColdOptions): Promise<Row[]> {
  const single = await singleModuleCore();
  const node = await inRounds(['core', 'single', 'deps', 'jose'] as const, options.rounds, (variant) => timeManual(() => nodeImportNs(variant, single), options.perRound));
  const scripts = {} as Record<WorkerVariant, string>;
  for (const variant of Object.keys(WORKERS) as WorkerVariant[]) {
    const built = await bundle(WORKERS[variant], BENCH_DIR, WORKER_TARGET);
    if (!built.ok) throw new Error(`the ${variant} worker does not bundle: ${built.error}`);
    scripts[variant] = built.code;
  }
  const workers = await inRounds(['core', 'jose', 'empty'] as const, options.workerRounds, (variant) => timeManual(() => workerStartNs(scripts[variant]), options.workerPerRound));

  const core = medians(node.core);
  const deps = medians(node.deps);
  const jose = medians(node.jose);
  const oneModule = medians(node.single);
  const overDeps = differenceFigure(core, deps);
  const oneModuleOverDeps = differenceFigure(oneModule, deps);
  const wCore = medians(workers.core);
  const wJose = medians(workers.jose);
  const wEmpty = medians(workers.empty);
  return [
    {
      section: SECTION,
      figure: 'Node: import core + construct client',
      unit: 'ms',
      authlite: fig(core),
      baseline: { name: 'its dependencies alone', value: fig(deps) },
      ratio: overDeps,
      ratioKind: 'difference',
      budget: atMost(overDeps.median, BUDGET.coldImportOverDepsMs, ' ms'),
    },
    { section: SECTION, figure: 'Node: import core + construct client', unit: 'ms', authlite: fig(core), baseline: { name: 'jose alone', value: fig(jose) }, ratio: ratioFigure(core, jose) },
    {
      section: SECTION,
      figure: 'Node: same, core as one module',
      unit: 'ms',
      authlite: fig(oneModule),
      baseline: { name: 'its dependencies alone', value: fig(deps) },
      ratio: oneModuleOverDeps,
      ratioKind: 'difference',
      note: 'reference: core dist bundled by esbuild, dependencies external (not what is published)',
    },
    { section: SECTION, figure: 'workerd: start to 1st answer, core', unit: 'ms', authlite: fig(wCore), baseline: { name: 'worker of jose alone', value: fig(wJose) }, ratio: differenceFigure(wCore, wJose), ratioKind: 'difference' },
    { section: SECTION, figure: 'workerd: start to 1st answer, core', unit: 'ms', authlite: fig(wCore), baseline: { name: 'empty worker', value: fig(wEmpty) }, ratio: differenceFigure(wCore, wEmpty), ratioKind: 'difference' },
  ];
}
