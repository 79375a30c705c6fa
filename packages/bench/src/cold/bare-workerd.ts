import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * The `workerd` binary that Miniflare drives (the `workerd` npm package is Miniflare's
 * dependency): timing it bare leaves out Miniflare's own work, such as parsing the whole
 * bundle with acorn in Node on every new instance, which a deployed Worker never pays.
 */
export function workerdBinary(): string {
  const fromMiniflare = createRequire(createRequire(import.meta.url).resolve('miniflare'));
  return join(dirname(fromMiniflare.resolve('workerd/package.json')), 'bin', 'workerd');
}

function capnpConfig(compatibilityDate: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "${compatibilityDate}",
);
`;
}

/**
 * Starts a new `workerd serve` process on a capnp config written for this start (one ES
 * module, `script`; its socket on a free loopback port, reported on the control descriptor),
 * sends one request and returns the nanoseconds from the spawn to the end of the answer:
 * process start, compiling and evaluating the module, and the first `fetch`. The process is
 * killed and its folder removed before this returns.
 */
export async function bareWorkerdStartNs(binary: string, script: string, compatibilityDate: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'authlite-bench-workerd-'));
  writeFileSync(join(dir, 'worker.js'), script);
  writeFileSync(join(dir, 'config.capnp'), capnpConfig(compatibilityDate));
  const t0 = performance.now();
  const child = spawn(binary, ['serve', join(dir, 'config.capnp'), '--control-fd=3'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const control = child.stdio[3];
      if (!control || !('on' in control)) return reject(new Error('workerd: no control descriptor'));
      createInterface({ input: control as NodeJS.ReadableStream }).on('line', (line) => {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (message.event === 'listen' && message.socket === 'http' && typeof message.port === 'number') resolve(message.port);
      });
      child.once('exit', (code) => reject(new Error(`workerd exited (${code}) before listening: ${stderr.slice(0, 500)}`)));
      child.once('error', reject);
    });
    const response = await fetch(`http://127.0.0.1:${port}/`);
    const text = await response.text();
    const elapsed = performance.now() - t0;
    if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text.slice(0, 200)} ${stderr.slice(0, 300)}`);
    return elapsed * 1e6;
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
