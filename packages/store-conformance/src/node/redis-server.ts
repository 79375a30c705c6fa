import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A redis-server process of the tests, on a loopback port of its own. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Process id of the running server; `undefined` while stopped. */
  readonly pid: number | undefined;
  /** Stops the server (SIGTERM to its pid) and waits for it to exit. Data is gone (no persistence). */
  stop(): Promise<void>;
  /** Starts a new, empty server on the same port. */
  restart(): Promise<void>;
  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. A hung backend. */
  pause(): void;
  /** Thaws a paused server (SIGCONT). */
  resume(): void;
}

/** A free loopback TCP port, as the OS hands out for port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Spawns redis-server on `port` and resolves once it accepts connections. */
function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.resume();
    child.once('error', (error) => reject(new Error(`redis-server did not start (run scripts/install-redis.sh): ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output.slice(-2000)}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts Debian's `redis-server` (installed by scripts/install-redis.sh) on a free loopback
 * port, without persistence (`--save '' --appendonly no`). Stop it with `stop()` at the end.
 * @throws Error when redis-server is missing or does not start.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined = await spawnRedis(port);
  const signal = (name: NodeJS.Signals) => {
    if (child?.pid !== undefined) process.kill(child.pid, name);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid;
    },
    async stop() {
      if (!child) return;
      const running = child;
      child = undefined;
      const done = exited(running);
      if (running.pid !== undefined && running.exitCode === null) {
        process.kill(running.pid, 'SIGCONT');
        process.kill(running.pid, 'SIGTERM');
      }
      await done;
    },
    async restart() {
      if (child) throw new Error('redis-server is still running: stop() it first');
      child = await spawnRedis(port);
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
  };
}
