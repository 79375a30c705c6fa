// `pnpm test:mutation`: runs Stryker over each area of areas.mjs, then prints one score for
// all (killed + timed out) / (all mutants with coverage + without), as Stryker counts it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AREAS } from './areas.mjs';

const only = process.argv.slice(2);
const names = Object.keys(AREAS).filter((name) => only.length === 0 || only.includes(name));
const totals = { killed: 0, survived: 0, timeout: 0, noCoverage: 0, ignored: 0 };
const started = Date.now();
for (const name of names) {
  // MUTATION_TESTS is read by vitest.mutation.config.ts in Stryker's test runner processes.
  const env = { ...process.env, MUTATION_AREA: name, MUTATION_TESTS: AREAS[name].tests.join(',') };
  const run = spawnSync('stryker', ['run'], { stdio: 'inherit', env });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const report = JSON.parse(readFileSync(new URL(`../../../../.tmp/stryker/${name}-mutation.json`, import.meta.url), 'utf8'));
  const counts = { killed: 0, survived: 0, timeout: 0, noCoverage: 0, ignored: 0 };
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      const key = { Killed: 'killed', Survived: 'survived', Timeout: 'timeout', NoCoverage: 'noCoverage', Ignored: 'ignored' }[
        mutant.status
      ];
      if (key) counts[key]++;
    }
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  console.log(`mutation area ${name}: ${JSON.stringify(counts)}`);
}
const detected = totals.killed + totals.timeout;
const valid = detected + totals.survived + totals.noCoverage;
const score = valid === 0 ? 100 : (100 * detected) / valid;
console.log(
  `Mutation score: ${score.toFixed(2)}% (${detected} of ${valid} mutants killed; ${totals.survived} survived, ${totals.noCoverage} without coverage, ${totals.ignored} ignored with a reason) in ${Math.round((Date.now() - started) / 1000)} s`,
);
process.exit(score >= 90 ? 0 : 1);
