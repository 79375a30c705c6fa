// `pnpm bench`: runs every section, prints the table, writes results.json and results.md.
// Timings are reported against the budget (PASS/FAIL), never asserted: the exit code is 0
// unless a section could not run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_COLD_ROUNDS } from './budget.js';
import { RemoteEmulator } from './emulator/remote.js';
import { describeMachine, machineLine } from './machine.js';
import type { Row } from './results.js';
import { benchApiOverhead } from './sections/api-overhead.js';
import { benchBundleSize } from './sections/bundle-size.js';
import { benchClientScope } from './sections/client-scope.js';
import { benchColdStart } from './sections/cold-start.js';
import { benchMiddlewareLoad } from './sections/middleware-load.js';
import { benchNextRoutes } from './sections/next-routes.js';
import { benchPermissionCheck } from './sections/permission-check.js';
import { benchSharedStore } from './sections/shared-store.js';
import { benchVerify } from './sections/verify.js';
import { BENCH_DIR } from './size/workspace.js';
import { budgetMarkdownTable, markdownTable, textTable } from './table.js';

const { values } = parseArgs({
  // `pnpm bench -- --quick` passes the `--` through: drop it.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: BENCH_DIR },
  },
});
const only = new Set((values.only ?? '1,2,3,4,5,6,7,9').split(',').map((s) => s.trim()));
const quick = values.quick === true;
/** Rounds and time per measurement of each section (`--quick`: a smoke run, figures not for quoting). */
const config = quick
  ? {
      permission: { rounds: 2, minTimeMs: 40 },
      verify: { rounds: 2, minTimeMs: 50 },
      api: { rounds: 2, minTimeMs: 60, concurrentRounds: 1, concurrentMinTimeMs: 100 },
      middleware: { runs: 1 },
      cold: { rounds: 2, perRound: 1, workerRounds: 1, workerPerRound: 1 },
      shared: { rounds: 1, lifetimes: 2, checksPerLifetime: 100 },
      next: { rounds: 1, requests: 400 },
    }
  : {
      permission: { rounds: 11, minTimeMs: 60 },
      verify: { rounds: 15, minTimeMs: 60 },
      api: { rounds: 25, minTimeMs: 40, concurrentRounds: 5, concurrentMinTimeMs: 250 },
      middleware: { runs: 3 },
      cold: { rounds: MIN_COLD_ROUNDS, perRound: 1, workerRounds: MIN_COLD_ROUNDS, workerPerRound: 1 },
      shared: { rounds: 15, lifetimes: 5, checksPerLifetime: 250 },
      next: { rounds: 9, requests: 3000 },
    };

const machine = describeMachine();
const started = new Date();
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
log(`on ${machineLine(machine)}`);
const rows: Row[] = [];

/** Sections that could not run: reported after the table, and the exit code is 1. */
const failures: string[] = [];

async function section(id: string, name: string, run: () => Promise<Row[]>): Promise<void> {
  if (!only.has(id)) return;
  const t0 = performance.now();
  log(`${id} ${name}…`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    // One section that cannot run must not lose the others' figures.
    failures.push(`${id} ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    log(`${id} ${name}: could not run (reported after the table)`);
    return;
  }
  log(`${id} ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await section('1', 'bundle size', () => benchBundleSize());
await section('2', 'permission check', () => benchPermissionCheck(config.permission));
await section('3', 'signed-answer verification', () => benchVerify(config.verify));
if (only.has('4') || only.has('5') || only.has('7') || only.has('8') || only.has('9')) {
  const emulator = await RemoteEmulator.start();
  try {
    await section('4', 'API call overhead', () => benchApiOverhead(emulator, config.api));
    await section('5', 'middleware load', () => benchMiddlewareLoad(emulator, config.middleware));
    await section('7', 'shared role store', () => benchSharedStore(emulator, config.shared));
    await section('8', 'client per process vs per request', () => benchClientScope(emulator));
    await section('9', 'Next.js routes', () => benchNextRoutes(emulator, config.next));
  } finally {
    await emulator.stop();
  }
}
await section('6', 'cold start', () => benchColdStart(config.cold));

const seconds = (Date.now() - started.getTime()) / 1000;
const failed = rows.filter((row) => row.budget && !row.budget.pass).length;
const checked = rows.filter((row) => row.budget).length;
const summary = `${checked - failed} of ${checked} budget lines pass${failures.length > 0 ? `; ${failures.length} section(s) could not run` : ''}`;
const header = `authlite bench${quick ? ' (--quick: smoke run, not for quoting)' : ''}, ${started.toISOString()}, ${seconds.toFixed(0)} s\nmachine: ${machineLine(machine)}`;

// The table first: a folder that cannot be written must not lose a whole run.
process.stdout.write(
  `${header}\n\n${textTable(rows)}\n\n${summary}. Figures: medians over rounds, ± half the range; ratios per round, [min–max].\n`,
);
mkdirSync(values.out as string, { recursive: true });
writeFileSync(
  join(values.out as string, 'results.json'),
  `${JSON.stringify({ date: started.toISOString(), seconds, quick, config, machine, summary, rows }, null, 2)}\n`,
);
writeFileSync(
  join(values.out as string, 'results.md'),
  `${header.replace('\n', '  \n')}\n\n${markdownTable(rows)}\n\n${summary}.\n\n## Budget lines (the root README's table)\n\n${budgetMarkdownTable(rows)}\n`,
);
if (failures.length > 0) {
  process.stderr.write(`\nSections that could not run:\n${failures.join('\n\n')}\n`);
  process.exitCode = 1;
}
