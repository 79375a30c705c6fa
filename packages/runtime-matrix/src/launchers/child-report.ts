import { spawn } from 'node:child_process';
import { REPORT_MARKER } from '../entries/marker.js';
import type { ScenarioReport } from '../scenario/types.js';
import { packageDir } from './paths.js';

/**
 * Runs `command args` in `cwd` (default this package's directory), waits at most `timeoutMs` (milliseconds),
 * and returns the report the child printed after {@link REPORT_MARKER}.
 * @throws Error with the exit status and the tail of stderr when the child printed no report.
 */
export function runChildForReport(
  command: string,
  args: string[],
  env: Record<string, string>,
  timeoutMs: number,
  cwd: string = packageDir,
): Promise<ScenarioReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((text) => text.startsWith(REPORT_MARKER));
      if (line) {
        resolve(JSON.parse(line.slice(REPORT_MARKER.length)) as ScenarioReport);
        return;
      }
      const why = signal === 'SIGKILL' ? `killed after ${timeoutMs} ms` : `exit ${code ?? signal}`;
      reject(new Error(`${command} printed no report (${why}): ${stderr.trim().split('\n').slice(-8).join(' | ')}`));
    });
  });
}
