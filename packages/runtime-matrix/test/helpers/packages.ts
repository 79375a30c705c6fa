import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoDir } from '../../src/launchers/paths.js';

export const run = promisify(execFile);

/** A package.json, as far as the packaging checks read it. */
export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  sideEffects?: boolean | string[];
  exports?: Record<string, unknown>;
  files?: string[];
  license?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** A workspace package under packages/. */
export interface WorkspacePackage {
  dir: string;
  manifest: Manifest;
}

/** Every package under packages/ (public and private), read now, so packages added later are checked too. */
export function workspacePackages(): WorkspacePackage[] {
  const root = join(repoDir, 'packages');
  return readdirSync(root)
    .map((name) => join(root, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest }));
}

const packed = new Map<string, Promise<{ file: string; bytes: ArrayBuffer }>>();

/** Packs `dir` with `npm pack` (what a registry would get), once per run; the tarball's path and bytes. */
export function pack(dir: string): Promise<{ file: string; bytes: ArrayBuffer }> {
  let result = packed.get(dir);
  if (!result) packed.set(dir, (result = packNow(dir)));
  return result;
}

async function packNow(dir: string): Promise<{ file: string; bytes: ArrayBuffer }> {
  const destination = await mkdtemp(join(tmpdir(), 'authlite-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: dir,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout) as { filename: string }[];
  if (!info) throw new Error(`npm pack printed nothing for ${dir}`);
  const file = join(destination, info.filename);
  const data = await readFile(file);
  return { file, bytes: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer };
}
