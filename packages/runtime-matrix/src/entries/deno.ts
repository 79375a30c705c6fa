// Deno entry: runs the scenario with the config given as the first argument and prints the
// report on one line, after the REPORT_MARKER. Deno imports the built `@authlite/core` from
// node_modules, as a Deno app with a package.json does.
import { runScenario } from '../scenario/run-scenario.js';
import { REPORT_MARKER } from './marker.js';

declare const Deno: { args: string[] };

const report = await runScenario(JSON.parse(Deno.args[0] ?? '{}'));
console.log(REPORT_MARKER + JSON.stringify(report));
