// `next build` and `next start` of a Next.js app directory, for the example's tests and the bench.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const QUIET = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

/** The `next` CLI as resolved from `appDir` (its own or a parent's node_modules). */
function nextBin(appDir: string): string {
  return createRequire(resolve(appDir, 'package.json')).resolve('next/dist/bin/next');
}

/** A free TCP port on 127.0.0.1 (`next start` takes a port number, not 0). */
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

/**
 * `next build` in `appDir` (telemetry off, production); returns its output.
 * @throws Error with the tail of the output when the build fails or runs past 600 s.
 */
export function buildNextApp(appDir: string): string {
  const result = spawnSync(process.execPath, [nextBin(appDir), 'build'], {
    cwd: appDir,
    env: { ...process.env, ...QUIET },
    encoding: 'utf8',
    timeout: 600_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`next build failed (${result.status ?? result.signal}): ${output.slice(-3000)}`);
  return output;
}

/** How to start a built app: {@link startNextApp}. */
export interface NextStartOptions {
  /** The built app's directory. */
  appDir: string;
  /** The TCP port on 127.0.0.1 to listen on ({@link freePort}). */
  port: number;
  /** Environment variables added to this process's. */
  env: Record<string, string>;
  /** A path that must answer 200 once the app is ready, e.g. `/`. */
  probePath: string;
  /**
   * The host name of the returned URL. `localhost` for a browser: Next.js builds the request
   * URL of route handlers and redirects with `localhost` whatever the Host header, so a browser
   * must use that name to keep its cookies across redirects.
   */
  urlHost: 'localhost' | '127.0.0.1';
}

/** A running `next start`. */
export interface RunningNextApp {
  /** `http://<urlHost>:<port>`. */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM; resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * `next start` of `appDir` on 127.0.0.1:`port`; resolves once its "Ready" line is printed and
 * `probePath` answers 200.
 * @throws Error with the tail of its output when it exits, prints no "Ready" line within 180 s
 * (a guard against a hung start, not a timing check) or the probe is not answered 200; the
 * process is stopped first.
 */
export async function startNextApp(options: NextStartOptions): Promise<RunningNextApp> {
  const { appDir, port } = options;
  const child: ChildProcess = spawn(process.execPath, [nextBin(appDir), 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: { ...process.env, ...QUIET, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = `http://${options.urlHost}:${port}`;
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
  let guard: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, fail) => {
    guard = setTimeout(() => fail(new Error(`next start printed no "Ready" line within 180 s: ${output.slice(-2000)}`)), 180_000);
  });
  try {
    await Promise.race([ready, hung]);
    // "Ready" is printed once it listens; one request confirms it answers.
    const probe = await fetch(`${url}${options.probePath}`);
    if (probe.status !== 200) throw new Error(`next start answered ${probe.status} on ${options.probePath}: ${output.slice(-2000)}`);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(guard);
  }
  return { url, output: () => output, stop };
}
