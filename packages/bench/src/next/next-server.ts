import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The bench's Next.js app (`packages/bench/next-app`): a guarded route, a permission route and a pass-through `/bare`. */
export const NEXT_APP_DIR = fileURLToPath(new URL('../../next-app/', import.meta.url));
const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next');
const QUIET = { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

/** A free TCP port on 127.0.0.1 (`next start` takes a port number, not 0). */
function freePort(): Promise<number> {
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

/** `next build` of the bench app. @throws Error with the tail of its output when the build fails. */
export function buildNextApp(): void {
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: NEXT_APP_DIR,
    env: { ...process.env, ...QUIET },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`next build failed (${result.status ?? result.signal}): ${`${result.stdout}${result.stderr}`.slice(-3000)}`);
}

/** A running `next start` of the bench app. */
export interface NextServer {
  url: string;
  stop(): Promise<void>;
}

/** `next start` of the built bench app on a loopback port with `env`; resolves once it printed "Ready" and answers `/bare`. */
export async function startNextApp(env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: NEXT_APP_DIR,
    env: { ...process.env, ...QUIET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  let output = '';
  try {
    await new Promise<void>((done, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready in/.test(output)) done();
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => fail(new Error(`next start exited ${code}: ${output.slice(-2000)}`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const bare = await fetch(`${url}/bare`);
    if (bare.status !== 200) throw new Error(`next start answered ${bare.status} on /bare: ${output.slice(-2000)}`);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
