import { AuthLiteClient } from '@authlite/core';
import { BUDGET, exactly } from '../budget.js';
import type { RemoteEmulator } from '../emulator/remote.js';
import { inRounds, timeWithParam } from '../harness.js';
import { fig, type Row } from '../results.js';
import { type Figure, figure, ratioFigure } from '../stats.js';

const SECTION = '5 middleware load';
const VALIDATIONS = 1000;
const CALLERS = 50;
const VALIDATE = 'GET /api/user/me/auth/validate/token';
/** Cache period of the "cache on" client, seconds: longer than any run here. */
const CACHE_TTL_S = 120;

/** Options of the middleware section. */
export interface MiddlewareOptions {
  /** Runs of 1,000 validations per mode (after one warm-up run). */
  runs: number;
}

type Mode = 'onSeq' | 'offSeq' | 'onConc' | 'offConc';
const MODES: readonly Mode[] = ['onSeq', 'offSeq', 'onConc', 'offConc'];

/**
 * Row 5: 1,000 validations of one token, as middleware does on every request, with the
 * validation cache on (`validationCacheTtl: 120`) and off: upstream requests counted at the
 * emulator for each run (a fresh client per run, so each starts cold), and validations per
 * second, sequential and with 50 concurrent callers (20 validations each).
 */
export async function benchMiddlewareLoad(emulator: RemoteEmulator, options: MiddlewareOptions): Promise<Row[]> {
  const { url, apiKey, secretKey, orgId } = emulator.info;
  const setup = new AuthLiteClient({ apiKey, secretKey, orgId, baseUrl: url });
  const token = (await setup.getUser(await emulator.loginCode('middleware@example.com'))).access_token;
  const counts: Record<Mode, number[]> = { onSeq: [], offSeq: [], onConc: [], offConc: [] };

  const runOne = async (client: AuthLiteClient, concurrent: boolean) => {
    const validate = async (n: number) => {
      for (let i = 0; i < n; i++) if (!(await client.validateAccessToken(token))) throw new Error('the token was found invalid');
    };
    if (concurrent) await Promise.all(Array.from({ length: CALLERS }, () => validate(VALIDATIONS / CALLERS)));
    else await validate(VALIDATIONS);
  };

  const timings = await inRounds(MODES, 1, async (mode) => {
    const cacheOn = mode.startsWith('on');
    let pending = false;
    // Untimed, before each run: record the previous run's upstream count, reset, and a fresh (cold) client.
    const param = async () => {
      if (pending) counts[mode].push(await emulator.count(VALIDATE));
      await emulator.resetCounts();
      pending = true;
      return new AuthLiteClient({ apiKey, secretKey, orgId, baseUrl: url, ...(cacheOn ? { validationCacheTtl: CACHE_TTL_S } : {}) });
    };
    const timing = await timeWithParam(param, (client: AuthLiteClient) => runOne(client, mode.endsWith('Conc')), {
      minTimeMs: 0,
      minSamples: options.runs,
      maxSamples: options.runs,
    });
    counts[mode].push(await emulator.count(VALIDATE));
    return timing;
  });

  const throughput = (mode: Mode): Figure => figure(timings[mode].flatMap((t) => t.samplesNs.map((ns) => (VALIDATIONS * 1e9) / ns)));
  const upstream = (mode: Mode): Figure => figure(counts[mode]);
  const rows: Row[] = [];
  for (const [how, on, off] of [
    ['seq', 'onSeq', 'offSeq'],
    [`x${CALLERS} concurrent`, 'onConc', 'offConc'],
  ] as const) {
    const worst = Math.max(...counts[on]);
    rows.push({
      section: SECTION,
      figure: `upstream requests / 1,000 validations, cache on, ${how}`,
      unit: 'requests',
      authlite: fig(upstream(on)),
      baseline: { name: 'cache off', value: fig(upstream(off)) },
      budget: { ...exactly(worst, BUDGET.cachedUpstreamRequests), rule: `= ${BUDGET.cachedUpstreamRequests} every run` },
      note: `${counts[on].length} runs (incl. warm-up): ${counts[on].join(', ')}; cache off: ${counts[off].join(', ')}`,
    });
    rows.push({
      section: SECTION,
      figure: `validations/s, cache on, ${how}`,
      unit: 'ops/s',
      authlite: fig(throughput(on)),
      baseline: { name: 'cache off', value: fig(throughput(off)) },
      ratio: ratioFigure(throughput(on), throughput(off)),
      note: `${options.runs} timed run${options.runs === 1 ? '' : 's'} of 1,000 validations per mode, after a warm-up run; a new client per run`,
    });
  }
  return rows;
}
