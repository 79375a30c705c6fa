import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { binary, packageDir } from '../src/launchers/paths.js';
import { run } from './helpers/packages.js';

const APP = join(packageDir, 'test', 'fixtures', 'error-names-app.ts');

const CODES: Record<string, string> = {
  ConfigurationError: 'ERR_CONFIGURATION',
  ValidationError: 'ERR_INVALID_INPUT',
  HttpError: 'ERR_HTTP',
  InvalidSignedAnswerError: 'ERR_INVALID_SIGNED_ANSWER',
  UnexpectedAnswerError: 'ERR_UNEXPECTED_ANSWER',
  TimeoutError: 'ERR_TIMEOUT',
  NetworkError: 'ERR_NETWORK',
  TokenSetInvalidError: 'ERR_TOKEN_SET_INVALID',
  RefreshOutcomeUnknownError: 'ERR_REFRESH_OUTCOME_UNKNOWN',
  RedirectError: 'ERR_REDIRECT',
  AnswerTooLargeError: 'ERR_ANSWER_TOO_LARGE',
};

interface Seen {
  expected: string;
  name: string;
  code: string;
  ownClass: boolean;
  base: boolean;
  error: boolean;
  notTheAppsClass: boolean;
}

/** What the app bundled into `file` prints when run by `runtime`. */
async function runApp(runtime: string, args: string[], file: string): Promise<Seen[]> {
  const { stdout } = await run(runtime, [...args, file], { env: { ...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1' } });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Seen[];
}

function expectTrueNames(seen: Seen[]): void {
  expect(seen).toHaveLength(13);
  for (const entry of seen) {
    expect(entry).toEqual({
      expected: entry.expected,
      name: entry.expected,
      code: CODES[entry.expected],
      ownClass: true,
      base: true,
      error: true,
      notTheAppsClass: true,
    });
  }
}

const outDir = mkdtemp(join(tmpdir(), 'authlite-error-names-'));

describe('error names survive bundlers (name, code, instanceof)', () => {
  it.each([
    ['esbuild', false],
    ['esbuild --minify', true],
  ])('%s', async (_label, minify) => {
    const outfile = join(await outDir, `esbuild-${minify ? 'min' : 'plain'}.mjs`);
    await build({
      entryPoints: [APP],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      minify,
      outfile,
      logLevel: 'silent',
    });
    expectTrueNames(await runApp(process.execPath, [], outfile));
  });

  it('bun build --minify', async () => {
    const dir = await outDir;
    const outfile = join(dir, 'bun-min.js');
    await run(binary('bun'), ['build', APP, '--minify', '--target=bun', `--outfile=${outfile}`], {
      cwd: packageDir,
      env: { ...process.env, DO_NOT_TRACK: '1', NO_COLOR: '1' },
    });
    expectTrueNames(await runApp(binary('bun'), ['run'], outfile));
  });

  it('the minified bundles really renamed the classes (the test would see a renamed name)', async () => {
    const outfile = join(await outDir, 'probe.mjs');
    await writeFile(
      join(await outDir, 'probe-entry.mjs'),
      'class TimeoutError extends Error {}\nconsole.log(new TimeoutError().constructor.name);\n',
    );
    await build({
      entryPoints: [join(await outDir, 'probe-entry.mjs')],
      bundle: true,
      format: 'esm',
      minify: true,
      outfile,
      logLevel: 'silent',
    });
    const { stdout } = await run(process.execPath, [outfile]);
    expect(stdout.trim()).not.toBe('TimeoutError');
  });
});
