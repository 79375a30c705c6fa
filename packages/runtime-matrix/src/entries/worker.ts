// workerd entry: a module worker. `POST /` with the scenario config as JSON answers the report.
import { runScenario, type ScenarioConfig } from '../scenario/run-scenario.js';

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== 'POST') return new Response('POST the scenario config', { status: 405 });
    const report = await runScenario((await request.json()) as ScenarioConfig);
    return Response.json(report);
  },
};
