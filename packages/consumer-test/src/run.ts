import { execFile } from 'node:child_process';

/** Output of a finished command. */
export interface RunResult {
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` with `args` and resolves with its output; rejects with the command line, exit
 * code and the tail of both streams when it exits non-zero.
 */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const tail = (text: string) => text.split('\n').slice(-40).join('\n');
        reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) failed: ${error.message}\n${tail(stdout)}\n${tail(stderr)}`));
      } else resolve({ stdout, stderr });
    });
  });
}

/** The last line of `stdout` parsed as JSON (the fixtures print one JSON line). */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? 'null') as T;
}
