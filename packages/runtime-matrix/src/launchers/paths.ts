import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's root directory (holds package.json, dist/, src/). */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the built entries live: `dist/entries/<name>.js`. */
export function builtEntry(name: string): string {
  const file = join(packageDir, 'dist', 'entries', `${name}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: build the package first (pnpm --filter @authlite/runtime-matrix build)`);
  return file;
}

/** The repository root: the nearest parent of this package holding pnpm-workspace.yaml. */
export const repoDir = ((): string => {
  for (let dir = packageDir; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
  }
  throw new Error('no pnpm-workspace.yaml above the runtime-matrix package');
})();

/**
 * The executable an npm package installs under `node_modules/.bin` (deno, bun, ...), looked
 * up from this package towards the repository root, as pnpm links them.
 * @throws Error naming the package to install when it is missing.
 */
export function binary(name: string): string {
  for (let dir = packageDir; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`node_modules/.bin/${name} not found: run scripts/setup.sh (the root package.json installs it)`);
}
