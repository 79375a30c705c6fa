// The closing summary of scripts/test.sh: one line per test suite, by name, with its passed,
// failed and skipped tests, or "did not run"; then one plain line that CI reads:
// "N passed, N failed, N skipped". Exits 1 when a test failed or a suite did not run or report.
//
// Usage: node scripts/summarize-tests.mjs <results dir> [turbo run summary json]
//
// The suites are the vitest JSON reports that the workspace's `test` scripts name
// (`test-results/<suite>.json` in a package.json script), so a suite that never wrote its
// report is listed too. Tests are counted one by one (a failing test is one failure, whatever
// `describe` blocks hold it); a test file that failed without any failed test (an import error,
// a failing hook) counts as one failure of its own. The turbo run summary, when given, tells a
// suite that crashed before reporting (exit code) from one whose task never started.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsDir = process.argv[2] ?? join(root, '.tmp/test-results');
const runSummaryFile = process.argv[3];

/** Every workspace package: `{ name, dir, scripts }`. */
function workspacePackages() {
  const found = [];
  for (const group of ['packages', 'examples']) {
    const base = join(root, group);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      const manifestFile = join(base, entry.name, 'package.json');
      if (!entry.isDirectory() || !existsSync(manifestFile)) continue;
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
      found.push({ name: manifest.name, dir: relative(root, join(base, entry.name)), scripts: manifest.scripts ?? {} });
    }
  }
  return found;
}

/** The suites the `test` script of each package reports: `[{ suite, pkg }]`, in order. */
function expectedSuites(packages) {
  const suites = [];
  for (const pkg of packages) {
    const script = pkg.scripts.test;
    if (!script) continue;
    for (const match of script.matchAll(/test-results\/([\w.-]+)\.json/g)) suites.push({ suite: match[1], pkg: pkg.name });
  }
  return suites;
}

/** Exit code of each package's test task in the turbo run summary (`undefined`: did not start). */
function taskExitCodes(file) {
  const codes = new Map();
  if (!file || !existsSync(file)) return codes;
  const summary = JSON.parse(readFileSync(file, 'utf8'));
  for (const task of summary.tasks ?? []) {
    if (task.task !== 'test') continue;
    const code = task.execution?.exitCode;
    codes.set(task.package, code === null || code === undefined ? undefined : code);
  }
  return codes;
}

/** Counts of one vitest JSON report, test by test. */
function countReport(report) {
  const counts = { passed: 0, failed: 0, skipped: 0, fileErrors: [] };
  for (const file of report.testResults ?? []) {
    let failedHere = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'passed') counts.passed++;
      else if (test.status === 'failed') {
        counts.failed++;
        failedHere++;
      } else counts.skipped++; // skipped, pending, todo, disabled
    }
    if (file.status === 'failed' && failedHere === 0) {
      counts.failed++;
      const message = (file.message ?? '').split('\n')[0].slice(0, 160);
      counts.fileErrors.push(`${relative(root, file.name ?? '')}: ${message || 'failed outside any test'}`);
    }
  }
  return counts;
}

const packages = workspacePackages();
const expected = expectedSuites(packages);
const exitCodes = taskExitCodes(runSummaryFile);
const reportFiles = existsSync(resultsDir) ? readdirSync(resultsDir).filter((name) => name.endsWith('.json')) : [];
const extra = reportFiles.map((name) => name.slice(0, -'.json'.length)).filter((suite) => !expected.some((e) => e.suite === suite));
const suites = [...expected, ...extra.map((suite) => ({ suite, pkg: undefined }))];

const total = { passed: 0, failed: 0, skipped: 0 };
let notRun = 0;
const width = Math.max(...suites.map(({ suite }) => suite.length), 10) + 2;
const counted = new Map();
for (const { suite } of suites) {
  const reportFile = join(resultsDir, `${suite}.json`);
  if (existsSync(reportFile)) counted.set(suite, countReport(JSON.parse(readFileSync(reportFile, 'utf8'))));
}
/** True when a suite of `pkg` reported a failed test: that explains the package task's exit code. */
const explained = (pkg) => suites.some((other) => other.pkg === pkg && (counted.get(other.suite)?.failed ?? 0) > 0);
for (const { suite, pkg } of suites) {
  const counts = counted.get(suite);
  const code = pkg === undefined ? undefined : exitCodes.get(pkg);
  let line;
  if (counts) {
    const crashed = code !== undefined && code !== 0 && !explained(pkg);
    if (crashed) counts.failed++; // the task failed after its tests passed (e.g. a teardown error)
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    const verdict = counts.failed > 0 ? 'FAILED' : counts.passed === 0 ? 'NO TESTS' : 'passed';
    if (verdict === 'NO TESTS') notRun++;
    line = `${verdict.padEnd(9)}${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
    if (crashed) line += ` (the test task exited ${code} after its tests)`;
    for (const error of counts.fileErrors) line += `\n${' '.repeat(width + 13)}${error}`;
  } else if (code !== undefined && code !== 0) {
    total.failed++;
    line = `FAILED   exited ${code} before reporting any test (counted as 1 failed)`;
  } else {
    notRun++;
    line = 'did not run';
  }
  console.log(`  ${suite.padEnd(width)}${line}`);
}
if (notRun > 0) console.log(`${notRun} suite(s) did not run or ran no test`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || notRun > 0 || suites.length === 0 ? 1 : 0);
