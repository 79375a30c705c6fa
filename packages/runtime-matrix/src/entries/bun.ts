// Bun entry: runs the scenario with the config given as the first argument and prints the
// report on one line, after the REPORT_MARKER.
import { runScenario } from '../scenario/run-scenario.js';
import { REPORT_MARKER } from './marker.js';

declare const Bun: { argv: string[] };

const report = await runScenario(JSON.parse(Bun.argv[2] ?? '{}'));
console.log(REPORT_MARKER + JSON.stringify(report));
