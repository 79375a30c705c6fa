import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.js';

/**
 * A fresh npm project in `dir` (outside the workspace): a package.json, the given fixture files
 * copied in, then `npm install` of `specs` (tarball paths and registry packages with exact
 * versions). npm reads the registry; its cache makes later runs fast.
 */
export async function npmProject(dir: string, specs: string[], copy: Array<[from: string, to: string]> = []): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'authlite-consumer', private: true, type: 'module' }, null, 2)}\n`);
  for (const [from, to] of copy) cpSync(from, join(dir, to), { recursive: true });
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', '--save-exact', ...specs], {
    cwd: dir,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return dir;
}
