// Every TypeScript sample in the READMEs type-checks against the built packages, so the docs
// cannot drift from the API: each sample is written to its own module and checked by tsc
// (NodeNext resolution, strict), and each tsc error points back to the README line.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readmeSamples, sampleFileName } from '../src/readme-samples.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(packageDir, '..', '..');
const samplesDir = join(packageDir, '.tmp', 'samples');
const tsc = createRequire(join(packageDir, 'package.json')).resolve('typescript/bin/tsc');

describe('README samples', () => {
  const samples = readmeSamples(root);

  it('finds the samples of the root README and of each public package README', () => {
    const readmes = new Set(samples.map((sample) => sample.readme));
    for (const readme of [
      'README.md',
      'packages/core/README.md',
      'packages/store-memory/README.md',
      'packages/store-kv/README.md',
      'packages/store-idb/README.md',
      'packages/next/README.md',
      'packages/emulator/README.md',
    ]) {
      expect(readmes, readme).toContain(readme);
    }
  });

  it('type-check against the built packages (tsc, strict, NodeNext)', async () => {
    rmSync(samplesDir, { recursive: true, force: true });
    mkdirSync(samplesDir, { recursive: true });
    const byFile = new Map(samples.map((sample) => [sampleFileName(sample), sample]));
    const files = samples.map((sample) => {
      const file = sampleFileName(sample);
      // `export {}` makes each sample a module of its own (top-level await, no shared names).
      writeFileSync(join(samplesDir, file), `${sample.code}\nexport {};\n`);
      return file;
    });
    copyFileSync(join(packageDir, 'src', 'sample-globals.d.ts'), join(samplesDir, 'sample-globals.d.ts'));
    writeFileSync(
      join(samplesDir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../../../tsconfig.base.json',
        compilerOptions: {
          noEmit: true,
          types: ['node'],
          declaration: false,
          declarationMap: false,
          sourceMap: false,
          noUnusedLocals: false,
        },
        files: ['sample-globals.d.ts', ...files],
      }),
    );
    const errors = await promisify(execFile)(process.execPath, [tsc, '-p', join(samplesDir, 'tsconfig.json')], { cwd: samplesDir }).then(
      () => [],
      (error: { stdout?: string }) =>
        (error.stdout ?? String(error))
          .split('\n')
          .filter((line) => /error TS/.test(line))
          .map((line) => {
            const match = /^(\S+\.ts)\((\d+),\d+\): (.*)$/.exec(line);
            const sample = match ? byFile.get(match[1] ?? '') : undefined;
            return sample && match ? `${sample.readme}:${sample.line + Number(match[2])}: ${match[3]}` : line;
          }),
    );
    expect(errors).toEqual([]);
  });
});
