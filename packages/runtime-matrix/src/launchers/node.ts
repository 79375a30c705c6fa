import { runScenario, type ScenarioConfig, type ScenarioReport } from '../scenario/run-scenario.js';

/** Node: the scenario runs in this very process (the vitest worker or the matrix CLI). */
export function launchNode(config: ScenarioConfig): Promise<ScenarioReport> {
  return runScenario(config);
}
