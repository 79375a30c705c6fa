import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';
import type { PublicPackage } from './workspace.js';

/** `pnpm pack` of each package into `dir` (workspace: ranges become versions); tarball path by name. */
export async function packAll(packages: PublicPackage[], dir: string): Promise<Map<string, string>> {
  mkdirSync(dir, { recursive: true });
  const tarballs = new Map<string, string>();
  for (const pkg of packages) {
    const before = new Set(readdirSync(dir));
    await run('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg.dir });
    const made = readdirSync(dir).filter((file) => file.endsWith('.tgz') && !before.has(file));
    if (made.length !== 1) throw new Error(`pnpm pack of ${pkg.name} made ${made.length} tarballs`);
    tarballs.set(pkg.name, join(dir, made[0]!));
  }
  return tarballs;
}
