import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'authlite-bench-out-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('pnpm bench --out DIR', () => {
  it('creates a folder that does not exist and writes the same table it printed', async () => {
    const out = join(scratch, 'not', 'yet', 'there');
    expect(existsSync(out)).toBe(false);
    // Section 1 only (bundle size): deterministic, a few seconds.
    const { stdout } = await run(process.execPath, [CLI, '--only', '1', '--out', out]);
    expect(stdout).toMatch(/@authlite\/core, only HttpError imported/);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { rows: { figure: string }[]; summary: string };
    expect(results.rows.some((row) => row.figure.startsWith('@authlite/core, only HttpError imported'))).toBe(true);
    expect(stdout).toContain(results.summary);
    expect(readFileSync(join(out, 'results.md'), 'utf8')).toContain('| 1 | Worker entry');
  });

  it('prints the table before it fails on a folder it cannot create', async () => {
    const blocked = join(scratch, 'a-file');
    await run(process.execPath, ['-e', `require('node:fs').writeFileSync(${JSON.stringify(blocked)}, 'x')`]);
    const failure = await run(process.execPath, [CLI, '--only', '1', '--out', join(blocked, 'inside')]).then(
      () => undefined,
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stdout).toMatch(/budget lines pass/);
    expect(failure?.stderr).toMatch(/ENOTDIR|EEXIST/);
  });
});
