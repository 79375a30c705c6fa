// The emulator's CLI as a child process, for the CLI tests: started, its JSON line read, and
// killed after each test.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach } from 'vitest';

/** The built CLI. */
export const CLI: string = resolve(import.meta.dirname, '../dist/node/cli.js');
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A CLI that printed its JSON line. */
export interface StartedCli {
  child: ChildProcessWithoutNullStreams;
  /** The JSON line: url, org_id, api_key... */
  info: Record<string, string>;
  /** stderr written before the JSON line. */
  stderrBefore: string;
  /** All stderr so far. */
  stderr: () => string;
}

/** Starts the CLI with `args`; resolves on its first stdout line, rejects if it exits first. */
export function startCli(args: string[]): Promise<StartedCli> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolvePromise({ child, info: JSON.parse(line) as Record<string, string>, stderrBefore: stderr, stderr: () => stderr }),
    );
    child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${stderr}`)));
  });
}
