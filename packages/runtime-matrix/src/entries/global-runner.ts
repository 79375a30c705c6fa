// Edge Runtime and browser entry: puts the scenario on `globalThis.__authliteMatrix`, where
// the launcher calls it (EdgeVM.evaluate, or page.evaluate in Chromium).
import { runScenario } from '../scenario/run-scenario.js';

(globalThis as { __authliteMatrix?: { run: typeof runScenario } }).__authliteMatrix = { run: runScenario };
