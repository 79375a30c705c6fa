import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { atMost, BUDGET } from '../budget.js';
import { bareWorkerdStartNs, workerdBinary } from '../cold/bare-workerd.js';
import { inRounds, type Timing, timeManual } from '../harness.js';
import { fig, type Row } from '../results.js';
import { bundle, WORKER_TARGET } from '../size/bundle.js';
import { BENCH_DIR } from '../size/workspace.js';
import { differenceFigure, type Figure, figure, ratioFigure } from '../stats.js';

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

const CONSTRUCT = `new AuthLiteClient({ apiKey: 'benchbenchbenchbench', secretKey: 'secretsecretsecret', orgId: 'bench-org' })`;

/**
 * What core imports from its dependencies, read from its built `dist/index.js` (every
 * `import … from` a package, and every valibot function it calls through a namespace), as
 * one worker that keeps them all: the worker of "the dependencies alone".
 */
function dependenciesWorker(coreDist: string): string {
  const named = new Map<string, Set<string>>();
  const add = (pkg: string, name: string) => named.set(pkg, (named.get(pkg) ?? new Set()).add(name));
  for (const match of coreDist.matchAll(/^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*"([^"]+)"/gm)) {
    const [, defaultName, names, pkg] = match as unknown as [string, string | undefined, string | undefined, string];
    if (pkg.startsWith('.')) continue; // core's own shared chunks, read by coreDistText
    if (defaultName) add(pkg, `default as ${defaultName}`);
    for (const name of (names ?? '')
      .split(',')
      .map((n) => n.trim().split(/\s+as\s+/)[0] ?? '')
      .filter(Boolean))
      add(pkg, name);
  }
  const namespaces = [...coreDist.matchAll(/^import \* as (\w+) from "valibot"/gm)].map((m) => m[1] as string);
  for (const ns of namespaces)
    for (const m of coreDist.matchAll(new RegExp(`\\b${ns}\\.([a-zA-Z]+)\\(`, 'g'))) add('valibot', m[1] as string);
  const lines: string[] = [];
  const kept: string[] = [];
  let i = 0;
  for (const [pkg, names] of named) {
    const locals = [...names].map((name) => [name.replace(/^default as \w+$/, 'default'), `d${i++}`] as const);
    lines.push(`import { ${locals.map(([name, local]) => `${name} as ${local}`).join(', ')} } from ${JSON.stringify(pkg)};`);
    kept.push(...locals.map(([, local]) => local));
  }
  return `${lines.join('\n')}\nglobalThis.__deps = [${kept.join(', ')}];\nexport default { fetch() { return new Response('ok'); } };`;
}

/** Core's built entry and every shared chunk it imports (`./answers.js`, …), recursively, as one text. */
function coreDistText(entry: string, seen = new Set<string>()): string {
  if (seen.has(entry)) return '';
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  const chunks = [...text.matchAll(/^import\s[^;]*?from\s*"(\.{1,2}\/[^"]+)"/gm)].map((m) => join(dirname(entry), m[1] as string));
  return [text, ...chunks.map((chunk) => coreDistText(chunk, seen))].join('\n');
}

/** The same bytes as `bundled` (a minified worker), as a function that is never called, and an empty handler: a same-size dead-code control. */
function deadCodeControl(bundled: string): string {
  // esbuild ends a minified module with `export{x as default};` (then license comments) or keeps `export default {…}` inline.
  const body = bundled.replace(/export\s*\{[^}]*\};?(\s*\/\*[\s\S]*?\*\/)*\s*$/, '').replace(/\bexport\s+default\s*/, 'var unusedDefault=');
  if (/(^|[;}\n])\s*export\s*(\{|default\b)/.test(body)) throw new Error('the core worker bundle has an export the control cannot wrap');
  return `function unused(){${body}}\nexport default { fetch() { return new Response('ok'); } };`;
}

const BARE_WORKERS = ['core', 'control', 'deps', 'empty'] as const;
type BareWorker = (typeof BARE_WORKERS)[number];

/** The four workers of the bare-workerd rows, each bundled (esbuild, minified, worker conditions). */
async function bareWorkerScripts(): Promise<Record<BareWorker, string>> {
  const coreDist = coreDistText(createRequire(import.meta.url).resolve('@authlite/core'));
  const sources = {
    core: `import { AuthLiteClient } from '@authlite/core';\nconst client = ${CONSTRUCT};\nexport default { fetch() { return new Response(typeof client.generateUrl()); } };`,
    deps: dependenciesWorker(coreDist),
    empty: `export default { fetch() { return new Response('ok'); } };`,
  };
  const out = {} as Record<BareWorker, string>;
  for (const [name, source] of Object.entries(sources) as [Exclude<BareWorker, 'control'>, string][]) {
    const built = await bundle(source, BENCH_DIR, WORKER_TARGET);
    if (!built.ok) throw new Error(`the ${name} worker does not bundle: ${built.error}`);
    out[name] = built.code;
  }
  out.control = deadCodeControl(out.core);
  return out;
}

function medians(timings: Timing[]): Figure {
  return figure(timings.map((t) => t.p50Ns / 1e6));
}

/**
 * Row 6: cold start. Node: a fresh process imports `@authlite/core` and constructs a client,
 * against importing its dependencies alone (jose, ky, valibot, the memory store) and jose
 * alone; timed inside the child from the `import()` on. For reference, the same with core's
 * dist bundled into one module, which shows what the count of modules costs. workerd: the
 * bare `workerd` binary (no Miniflare), a new process per start, from spawn to the end of its
 * first answer, for a worker that imports core and constructs a client at the top level,
 * against a worker of core's dependencies alone (the budget line), a same-size dead-code
 * control and an empty worker.
 */
export async function benchColdStart(options: ColdOptions): Promise<Row[]> {
  const single = await singleModuleCore();
  const node = await inRounds(['core', 'single', 'deps', 'jose'] as const, options.rounds, (variant) =>
    timeManual(() => nodeImportNs(variant, single), options.perRound),
  );
  const scripts = await bareWorkerScripts();
  const binary = workerdBinary();
  const workers = await inRounds(BARE_WORKERS, options.workerRounds, (variant) =>
    timeManual(() => bareWorkerdStartNs(binary, scripts[variant], COMPATIBILITY_DATE), options.workerPerRound),
  );

  const core = medians(node.core);
  const deps = medians(node.deps);
  const jose = medians(node.jose);
  const oneModule = medians(node.single);
  const overDeps = differenceFigure(core, deps);
  const oneModuleOverDeps = differenceFigure(oneModule, deps);
  const wCore = medians(workers.core);
  const wControl = medians(workers.control);
  const wDeps = medians(workers.deps);
  const wEmpty = medians(workers.empty);
  const wOverDeps = differenceFigure(wCore, wDeps);
  const kb = (code: string) => `${(code.length / 1024).toFixed(1)} KB`;
  return [
    {
      section: SECTION,
      figure: 'Node: import core + construct client',
      unit: 'ms',
      authlite: fig(core),
      baseline: { name: 'its dependencies alone', value: fig(deps) },
      ratio: overDeps,
      ratioKind: 'difference',
      budget: atMost(overDeps.median, BUDGET.nodeImportOverDepsMs, ' ms'),
    },
    {
      section: SECTION,
      figure: 'Node: import core + construct client',
      unit: 'ms',
      authlite: fig(core),
      baseline: { name: 'jose alone', value: fig(jose) },
      ratio: ratioFigure(core, jose),
    },
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
    {
      section: SECTION,
      figure: 'workerd (bare): start to 1st answer, import core + construct',
      unit: 'ms',
      authlite: fig(wCore),
      baseline: { name: 'worker of its dependencies alone', value: fig(wDeps) },
      ratio: wOverDeps,
      ratioKind: 'difference',
      budget: atMost(wOverDeps.median, BUDGET.workerdStartOverDepsMs, ' ms'),
      note: `bare workerd binary, a capnp config per start; core worker ${kb(scripts.core)}, dependencies worker ${kb(scripts.deps)} (what core imports from jose, ky, valibot, store-memory)`,
    },
    {
      section: SECTION,
      figure: 'workerd (bare): start to 1st answer, import core + construct',
      unit: 'ms',
      authlite: fig(wCore),
      baseline: { name: 'same-size dead-code control', value: fig(wControl) },
      ratio: differenceFigure(wCore, wControl),
      ratioKind: 'difference',
      note: 'control: the same minified bytes inside a function never called, and an empty handler: what evaluating core and its dependencies costs beyond compiling their bytes',
    },
    {
      section: SECTION,
      figure: 'workerd (bare): same-size dead-code control',
      unit: 'ms',
      authlite: fig(wControl),
      baseline: { name: 'empty worker', value: fig(wEmpty) },
      ratio: differenceFigure(wControl, wEmpty),
      ratioKind: 'difference',
      note: 'reference: what the bytes alone cost',
    },
    {
      section: SECTION,
      figure: 'workerd (bare): start to 1st answer, import core + construct',
      unit: 'ms',
      authlite: fig(wCore),
      baseline: { name: 'empty worker', value: fig(wEmpty) },
      ratio: differenceFigure(wCore, wEmpty),
      ratioKind: 'difference',
    },
  ];
}
