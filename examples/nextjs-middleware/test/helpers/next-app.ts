import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This example's directory. */
export const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nextBin = createRequire(resolve(appDir, 'package.json')).resolve('next/dist/bin/next');

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

const quiet = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

/** `next build` in this example; throws with the tail of the output when it fails. */
export function buildApp(): void {
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: appDir, env: { ...process.env, ...quiet }, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal}): ${`${result.stdout}${result.stderr}`.slice(-3000)}`);
}

/** A running `next start`. */
export interface RunningApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `next start` on 127.0.0.1:`port` with `env`; resolves once it answers HTTP. */
export async function startApp(port: number, env: Record<string, string>): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, ...quiet, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}: ${output.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s: ${output.slice(-2000)}`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  return { url, output: () => output, stop };
}
