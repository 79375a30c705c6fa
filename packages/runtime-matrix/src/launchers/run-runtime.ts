import type { ScenarioReport } from '../scenario/types.js';
import { startMatrixEmulator } from './emulator.js';
import type { RuntimeLauncher } from './runtimes.js';

/** The outcome of one runtime: its report, or the error that kept it from reporting. */
export interface RuntimeOutcome {
  launcher: RuntimeLauncher;
  report?: ScenarioReport;
  error?: string;
  /** Wall time including the runtime's start, milliseconds. */
  ms: number;
  /** True when the runtime reported, every check passed, and it is the runtime it claims to be. */
  pass: boolean;
}

/** Runs the scenario in one runtime against a fresh emulator, and never throws. */
export async function runRuntime(launcher: RuntimeLauncher): Promise<RuntimeOutcome> {
  const started = Date.now();
  const emulator = await startMatrixEmulator();
  try {
    const report = await launcher.launch(emulator.config);
    const pass = report.ok && report.runtime.name === launcher.id;
    return { launcher, report, ms: Date.now() - started, pass };
  } catch (error) {
    return { launcher, error: error instanceof Error ? error.message : String(error), ms: Date.now() - started, pass: false };
  } finally {
    await emulator.stop();
  }
}

/** One summary line: `deno          2.9.6            pass  9/9 checks   1.4 s  (npm deno binary)`. */
export function summaryLine(outcome: RuntimeOutcome): string {
  const { launcher, report } = outcome;
  const seconds = `${(outcome.ms / 1000).toFixed(1)} s`.padStart(6);
  if (!report)
    return `${launcher.id.padEnd(13)} ${'-'.padEnd(16)} FAIL  no report       ${seconds}  (${launcher.via}): ${outcome.error ?? ''}`;
  const passed = report.checks.filter((check) => check.ok).length;
  const counts = `${passed}/${report.checks.length} checks`.padEnd(14);
  const failed = report.checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`);
  if (report.runtime.name !== launcher.id) failed.unshift(`reported runtime "${report.runtime.name}"`);
  const version = report.runtime.version.slice(0, 16).padEnd(16);
  return `${launcher.id.padEnd(13)} ${version} ${outcome.pass ? 'pass' : 'FAIL'}  ${counts} ${seconds}  (${launcher.via})${failed.length ? `: ${failed.join('; ')}` : ''}`;
}
