// Starts the app as a child process (Deno or Bun) on a free loopback port and talks to it over HTTP.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunningApp } from './scenario.js';

/** The npm-installed binary `name` (deno, bun) from the nearest node_modules/.bin above `from`. */
export function binary(name: string, from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '.bin', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`node_modules/.bin/${name} not found: run scripts/setup.sh`);
}

/** Spawns `command args`, waits for its `listening on http://...` line and returns the app at that address. */
export function serveProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunningApp> {
  // Its own process group: the .bin shim is a shell script that starts the real binary as a child,
  // so stopping only the shim would leave the runtime running.
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before listening: ${stderr}`)));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const origin = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (!origin) return;
      resolve({
        send: (path, { method = 'GET', cookie = '' }) =>
          fetch(`${origin}${path}`, { method, redirect: 'manual', headers: cookie ? { cookie } : {} }),
        stop: async () => {
          if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
          await exited;
        },
      });
    });
  });
}
