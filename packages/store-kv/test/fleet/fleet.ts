import { type ChildProcess, fork } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Command, ServerSettings } from './role-server.js';

type Request = Command extends infer C ? (C extends { id: number } ? Omit<C, 'id'> : never) : never;

/** One role server process. */
export interface RoleServer {
  send<T = unknown>(request: Request): Promise<T>;
  readonly pid: number | undefined;
}

/** Bundles role-server.ts for Node (packages stay external, resolved from this package's node_modules). */
async function bundleServer(): Promise<string> {
  const outDir = fileURLToPath(new URL('../../.tmp/', import.meta.url));
  await mkdir(outDir, { recursive: true });
  const outfile = `${outDir}role-server.mjs`;
  await build({
    entryPoints: [fileURLToPath(new URL('./role-server.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

function connect(child: ChildProcess): Promise<RoleServer> {
  let next = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  return new Promise((ready, failed) => {
    child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      if (message.id === 0) {
        ready({
          pid: child.pid,
          send: <T>(request: Request) =>
            new Promise<T>((resolve, reject) => {
              const id = next++;
              waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
              child.send({ ...request, id });
            }),
        });
        return;
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.error !== undefined) pending?.reject(new Error(message.error));
      else pending?.resolve(message.result);
    });
    child.once('exit', (code) => {
      const error = new Error(`role server ${child.pid} exited with ${code}`);
      failed(error);
      for (const pending of waiting.values()) pending.reject(error);
    });
  });
}

/** A fleet of `count` role server processes on one Redis and one emulator. */
export async function startFleet(count: number, settings: ServerSettings): Promise<{ servers: RoleServer[]; stop(): Promise<void> }> {
  const script = await bundleServer();
  const children = Array.from({ length: count }, () =>
    fork(script, [JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const servers = await Promise.all(children.map(connect));
  return {
    servers,
    async stop() {
      await Promise.all(
        children.map(
          (child, i) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              servers[i]?.send({ cmd: 'exit' }).catch(() => child.kill());
            }),
        ),
      );
    },
  };
}
