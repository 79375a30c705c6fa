// Packaging of every public package under packages/ (found at run time, so new ones are
// checked too): ESM exports maps with types, no side effects, a jsr.json that Deno's
// publisher accepts, and no problem reported by publint or @arethetypeswrong/cli.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { describe, expect, it } from 'vitest';
import { binary, packageDir } from '../src/launchers/paths.js';
import { type Manifest, pack, run, workspacePackages } from './helpers/packages.js';

const all = workspacePackages();
const publicPackages = all.filter((pkg) => pkg.manifest.private !== true);
const own = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Manifest;

/** attw's esm-only profile: CommonJS resolutions (node10, node16 from CJS) are not checked. */
const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
}

describe('the workspace', () => {
  it('has the public packages this matrix knows, each a dependency of it (so turbo builds them before these tests)', () => {
    const names = publicPackages.map((pkg) => pkg.manifest.name);
    expect(names).toEqual(
      expect.arrayContaining([
        '@authlite/core',
        '@authlite/store-memory',
        '@authlite/emulator',
        '@authlite/next',
        '@authlite/session',
        '@authlite/hono',
        '@authlite/store-idb',
        '@authlite/store-kv',
      ]),
    );
    const deps = { ...own.dependencies, ...own.devDependencies };
    expect(names.filter((name) => deps[name] !== 'workspace:*')).toEqual([]);
  });
});

describe.concurrent.each(publicPackages.map((pkg) => [pkg.manifest.name, pkg] as const))('%s', (_name, { dir, manifest }) => {
  it('is ESM with an exports map (types first), no side effects, and only dist and src published', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.license).toBe('MIT');
    const exports = manifest.exports ?? {};
    expect(Object.keys(exports)).toContain('.');
    for (const [subpath, target] of Object.entries(exports)) {
      if (subpath === './package.json') continue;
      const conditions = Object.keys(target as Record<string, unknown>);
      expect(conditions[0], `${subpath}: "types" comes first`).toBe('types');
      expect(conditions.at(-1), `${subpath}: "default" comes last`).toBe('default');
      for (const file of Object.values(target as Record<string, string>))
        expect(existsSync(join(dir, file)), `${subpath} -> ${file} exists (built)`).toBe(true);
    }
    expect(manifest.files).toEqual(expect.arrayContaining(['dist']));
  });

  it('has a jsr.json of the same name and version whose exports exist, and deno publish --dry-run accepts it', async () => {
    const jsr = JSON.parse(readFileSync(join(dir, 'jsr.json'), 'utf8')) as {
      name: string;
      version: string;
      license: string;
      exports: string | Record<string, string>;
    };
    expect([jsr.name, jsr.version, jsr.license]).toEqual([manifest.name, manifest.version, manifest.license]);
    const targets = typeof jsr.exports === 'string' ? [jsr.exports] : Object.values(jsr.exports);
    for (const file of targets) expect(existsSync(join(dir, file)), file).toBe(true);
    // Neither --sloppy-imports nor --allow-slow-types: sources import siblings as ./x.ts
    // (tsc rewrites them to ./x.js on emit) and every export has an explicit type
    // (isolatedDeclarations), so Deno's fast check and resolution accept them as they are; a
    // ./x.js import or an inferred export type fails here even under --no-check. Deno runs in
    // an empty directory (--config names the jsr.json): on a resolution failure Deno 2.9 would
    // otherwise rewrite the root package.json from pnpm-workspace.yaml. Deno's type check is
    // skipped (tsc checks these sources) where it would need what this layout cannot give it:
    // @types/node in the package's own node_modules (sources importing node: built-ins), or a
    // workspace package's built .d.ts chunks, which import each other as ./chunk.js.
    const sources = sourceFiles(join(dir, 'src')).map((file) => readFileSync(file, 'utf8'));
    const skipTypeCheck = sources.some((text) => /from ['"](node:|@authlite\/)/.test(text));
    const args = ['publish', '--dry-run', '--allow-dirty', '--config', join(dir, 'jsr.json')];
    const { stderr } = await run(binary('deno'), skipTypeCheck ? [...args, '--no-check'] : args, {
      cwd: await mkdtemp(join(tmpdir(), 'authlite-jsr-')),
      env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    });
    expect(stderr.replace(/\x1b\[[0-9;]*m/g, '')).toContain('Success Dry run complete');
  });

  it('publint reports nothing for the packed tarball (strict)', async () => {
    const { bytes } = await pack(dir);
    const { messages, pkg } = await publint({ pack: { tarball: bytes }, strict: true, level: 'suggestion' });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg, { color: false }) ?? message.code}`)).toEqual([]);
  });

  it('@arethetypeswrong/cli --profile esm-only reports no problem for the packed tarball', async () => {
    const { file } = await pack(dir);
    const result = await run(binary('attw'), [file, '--profile', 'esm-only', '--format', 'json'], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', failed: error.code }),
    );
    const report = JSON.parse(result.stdout) as {
      problems?: Record<string, AttwProblem[]>;
      analysis: { entrypoints: Record<string, unknown>; types: { kind: string } };
    };
    const problems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => !IGNORED_RESOLUTIONS.has(problem.resolutionKind ?? ''));
    expect(problems).toEqual([]);
    expect(report.analysis.types.kind).toBe('included');
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual(Object.keys(manifest.exports ?? {}).sort());
    expect('failed' in result ? result.failed : 0).toBe(0);
  });
});
