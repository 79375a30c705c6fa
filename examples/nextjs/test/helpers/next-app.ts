import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const quiet = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

function nextBin(appDir: string): string {
  return createRequire(resolve(appDir, 'package.json')).resolve('next/dist/bin/next');
}

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

/** `next build` in `appDir`; returns its output, throws with the tail of it when the build fails. */
export function buildApp(appDir: string): string {
  const result = spawnSync(process.execPath, [nextBin(appDir), 'build'], {
    cwd: appDir,
    env: { ...process.env, ...quiet },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal}): ${output.slice(-3000)}`);
  return output;
}

/** A running `next start`. */
export interface RunningApp {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `next start` of `appDir` on 127.0.0.1:`port` with `env`; resolves once its "Ready" line is
 * printed and it answers HTTP. Its URL says `localhost`: Next.js builds the request URL of
 * route handlers and redirects with `localhost` whatever the Host header, so a browser must
 * use that name to keep its cookies across redirects.
 */
export async function startApp(appDir: string, port: number, env: Record<string, string>): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, [nextBin(appDir), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, ...quiet, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  const ready = new Promise<void>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in/.test(output)) done();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`next start exited ${code}: ${output.slice(-2000)}`)));
  });
  // A guard against a hung start only (the global setup has no timeout of its own), not a timing check.
  let guard: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, fail) => {
    guard = setTimeout(() => fail(new Error(`next start printed no "Ready" line within 180 s: ${output.slice(-2000)}`)), 180_000);
  });
  try {
    await Promise.race([ready, hung]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(guard);
  }
  // "Ready" is printed once it listens; one request confirms it answers.
  const home = await fetch(`${url}/`);
  if (home.status !== 200) {
    await stop();
    throw new Error(`next start answered ${home.status} on /: ${output.slice(-2000)}`);
  }
  return { url, output: () => output, stop };
}
