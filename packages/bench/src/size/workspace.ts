import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (four levels above this file, in `src/size` or `dist/size`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The bench package's own directory, from which baselines (jose, ky, supabase, trustauthx) resolve. */
export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A published workspace package and the file its `.` export points at. */
export interface WorkspacePackage {
  name: string;
  dir: string;
  /** Absolute path of the module to bundle. */
  entry: string;
  /** True when `dist` was not built and the TypeScript source is bundled instead. */
  fromSource: boolean;
  /** Its peer dependencies (provided by the app, e.g. `next`). */
  peers: string[];
}

interface Manifest {
  name?: string;
  private?: boolean;
  exports?: unknown;
  peerDependencies?: Record<string, string>;
}

function defaultExport(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  const dot = (exports as Record<string, unknown> | undefined)?.['.'];
  if (typeof dot === 'string') return dot;
  const conditions = dot as Record<string, unknown> | undefined;
  const target = conditions?.['default'] ?? conditions?.['import'];
  return typeof target === 'string' ? target : undefined;
}

/**
 * Every package under `packages/` that is published (not `private`) and has a `.` export,
 * sorted by name. A package whose `dist` is not built is taken from its `src` (`dist/x.js` →
 * `src/x.ts`); one with neither is left out.
 */
export function publishedPackages(root: string = REPO_ROOT): WorkspacePackage[] {
  const out: WorkspacePackage[] = [];
  const base = join(root, 'packages');
  for (const name of readdirSync(base)) {
    const dir = join(base, name);
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const target = defaultExport(manifest.exports);
    if (manifest.private || !manifest.name || !target) continue;
    const built = join(dir, target);
    const source = join(dir, target.replace(/^\.\/dist\//, './src/').replace(/\.js$/, '.ts'));
    const peers = Object.keys(manifest.peerDependencies ?? {});
    if (existsSync(built)) out.push({ name: manifest.name, dir, entry: built, fromSource: false, peers });
    else if (existsSync(source)) out.push({ name: manifest.name, dir, entry: source, fromSource: true, peers });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
