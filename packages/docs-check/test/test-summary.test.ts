// The closing summary of scripts/test.sh (scripts/summarize-tests.mjs): every suite of the
// workspace by name, tests counted one by one, "did not run" for a suite without a report, and
// a crash before any report counted as a failure.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scripts', 'summarize-tests.mjs');

function summarize(
  reports: Record<string, unknown>,
  turboTasks?: Array<{ package: string; exitCode: number | null }>,
): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'authlite-summary-'));
  for (const [suite, report] of Object.entries(reports)) writeFileSync(join(dir, `${suite}.json`), JSON.stringify(report));
  const args = [script, dir];
  if (turboTasks) {
    const runFile = join(dir, 'run.json.turbo');
    writeFileSync(
      runFile,
      JSON.stringify({
        tasks: turboTasks.map((task) => ({
          task: 'test',
          package: task.package,
          execution: task.exitCode === null ? undefined : { exitCode: task.exitCode },
        })),
      }),
    );
    args.push(runFile);
  }
  return new Promise((resolve) => {
    execFile(process.execPath, args, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, lines: stdout.trim().split('\n') }),
    );
  });
}

const test = (status: string, title = 't') => ({ status, title });
const file = (
  tests: unknown[],
  status = tests.some((t) => (t as { status: string }).status === 'failed') ? 'failed' : 'passed',
  message = '',
) => ({ name: '/x.test.ts', status, message, assertionResults: tests });

describe('the test summary', () => {
  it('counts one failing test in nested describe blocks as one failure, and passes, skips and todos by test', async () => {
    const { code, lines } = await summarize({
      core: { testResults: [file([test('passed'), test('failed'), test('skipped'), test('todo')]), file([test('passed')])] },
    });
    expect(lines.find((line) => line.trim().startsWith('core '))).toMatch(/FAILED +2 passed, 1 failed, 2 skipped$/);
    expect(lines.at(-1)).toBe('2 passed, 1 failed, 2 skipped');
    expect(code).toBe(1);
  });

  it('names every suite of the workspace, and "did not run" for one without a report', async () => {
    const { lines } = await summarize({ core: { testResults: [file([test('passed')])] } });
    expect(lines.find((line) => line.trim().startsWith('emulator '))).toMatch(/did not run$/);
    expect(lines.find((line) => line.trim().startsWith('consumer '))).toMatch(/did not run$/);
    expect(lines.find((line) => line.trim().startsWith('core-node24 '))).toMatch(/did not run$/);
  });

  it('counts a test file that failed outside any test (import error, hook) as one failure, with its message', async () => {
    const { lines } = await summarize({ core: { testResults: [file([], 'failed', 'Error: Cannot find module x')] } });
    const at = lines.findIndex((line) => line.trim().startsWith('core '));
    expect(lines[at]).toMatch(/FAILED +0 passed, 1 failed, 0 skipped$/);
    expect(lines[at + 1]).toContain('Cannot find module x');
  });

  it('reports a suite whose task exited non-zero before writing a report as failed, not as "did not run"', async () => {
    const { lines } = await summarize({}, [{ package: '@authlite/core', exitCode: 1 }]);
    expect(lines.find((line) => line.trim().startsWith('core '))).toMatch(/FAILED +exited 1 before reporting any test/);
    expect(lines.at(-1)).toBe('0 passed, 1 failed, 0 skipped');
  });

  it("blames a package's failed exit on the suite that failed, not on its sibling suites (Node 22 and 24 runs)", async () => {
    const { lines } = await summarize(
      {
        'core-node22': { testResults: [file([test('passed')])] },
        'core-node24': { testResults: [file([test('passed'), test('failed')])] },
      },
      [{ package: '@authlite/node-versions', exitCode: 1 }],
    );
    expect(lines.find((line) => line.trim().startsWith('core-node22 '))).toMatch(/passed +1 passed, 0 failed, 0 skipped$/);
    expect(lines.find((line) => line.trim().startsWith('core-node24 '))).toMatch(/FAILED +1 passed, 1 failed, 0 skipped$/);
  });

  it('exits 0 only when every suite reported tests and none failed', async () => {
    const { code } = await summarize({ core: { testResults: [file([test('passed')])] } });
    expect(code).toBe(1); // the other suites did not run
  });
});
