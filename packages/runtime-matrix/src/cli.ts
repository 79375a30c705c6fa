#!/usr/bin/env node
import { runRuntime, summaryLine } from './launchers/run-runtime.js';
// The runtime matrix: runs the client scenario in every runtime, one after the other, and
// prints one line per runtime. Exits 1 when any runtime fails. `--only deno,bun` picks some.
import { RUNTIMES } from './launchers/runtimes.js';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : undefined;
const selected = RUNTIMES.filter((launcher) => !only || only.has(launcher.id));
if (selected.length === 0) {
  console.error(`no runtime selected; known: ${RUNTIMES.map((launcher) => launcher.id).join(', ')}`);
  process.exit(2);
}

console.log(`authlite runtime matrix: one client scenario in ${selected.length} runtimes, each against a fresh emulator on 127.0.0.1`);
let failed = 0;
for (const launcher of selected) {
  const outcome = await runRuntime(launcher);
  if (!outcome.pass) failed++;
  console.log(summaryLine(outcome));
}
console.log(`runtimes: ${selected.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
