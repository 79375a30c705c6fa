import { AuthLiteClient } from '@authlite/core';
import { jwtVerify } from 'jose';
import ky from 'ky';
import { atMost, BUDGET } from '../budget.js';
import { CodePool, type RemoteEmulator } from '../emulator/remote.js';
import { do_not_optimize, inRounds, type Timing, timeWithParam } from '../harness.js';
import { fig, type Row, type Unit } from '../results.js';
import { type Figure, figure, ratioFigure } from '../stats.js';

const SECTION = '4 API call overhead';
const CONCURRENCY = 50;

/** Options of the API overhead section. */
export interface ApiOptions {
  /** Rounds of the sequential measurements (the budget line), each `minTimeMs` per caller. */
  rounds: number;
  minTimeMs: number;
  /** Rounds of the 50-concurrent measurements, each `concurrentMinTimeMs` per caller. */
  concurrentRounds: number;
  concurrentMinTimeMs: number;
}

type Caller = 'sdk' | 'fetch' | 'ky' | 'kyJose';
const NAMES: Record<Caller, string> = { sdk: 'SDK', fetch: 'bare fetch', ky: 'bare ky', kyJose: 'bare ky + jose jwtVerify' };

/** A bare `fetch` of a URL, reading the JSON body. @throws Error on a non-2xx status. */
async function bareFetch(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`bare fetch answered ${response.status}`);
  return response.json();
}

/** A bare ky call of a URL, reading the JSON body (ky's defaults: timeout, retry). */
function bareKy(url: string): Promise<unknown> {
  return ky.get(url).json();
}

interface Scenario {
  /** e.g. `validateAccessToken`. */
  method: string;
  /** Untimed: the input of one call (a token, a fresh login code). */
  param: () => string | Promise<string>;
  sdk: (input: string) => Promise<unknown>;
  /** The same URL and query the SDK sends for `input`. */
  url: (input: string) => string;
  /** The answer is a signed JWS: also compare with a bare ky call followed by jose `jwtVerify` (cached key). */
  signed: boolean;
}

/**
 * Row 4: loopback latency (p50, p99) and throughput of `validateAccessToken` and `getUser`
 * against the emulator (in its own process), sequential and with 50 concurrent callers,
 * against a bare `fetch` and a bare `ky` call of the same URL with the same query. `getUser`
 * consumes a fresh login code per call (taken untimed from a pool); the concurrent
 * `validateAccessToken` callers each check their own token (50 users), so the SDK's
 * single-flight does not merge them. `getUser` verifies the signed answer, which a bare call
 * does not: sequentially it is also compared with a bare ky call followed by jose `jwtVerify`.
 */
export async function benchApiOverhead(emulator: RemoteEmulator, options: ApiOptions): Promise<Row[]> {
  const { url, apiKey, secretKey, orgId } = emulator.info;
  const client = new AuthLiteClient({ apiKey, secretKey, orgId, baseUrl: url });
  const pool = new CodePool(emulator);
  const tokens: string[] = [];
  for (let i = 0; i < CONCURRENCY; i++) tokens.push((await client.getUser(await pool.take())).access_token);
  // The signed key the SDK sends, read off the one URL it builds with it: the baselines send the same query.
  const signedKey =
    new URL(
      await client.generateEditUserUrl(tokens[0] as string, 'http://localhost/cb', { dangerouslyExposeOrgCredentials: true }),
    ).searchParams.get('signed_key') ?? '';
  const query = (params: Record<string, string>) => new URLSearchParams({ ...params, api_key: apiKey, signed_key: signedKey }).toString();
  let t = 0;
  const scenarios: Scenario[] = [
    {
      method: 'validateAccessToken',
      param: () => tokens[t++ % CONCURRENCY] as string,
      sdk: (token) => client.validateAccessToken(token),
      url: (token) => `${url}/api/user/me/auth/validate/token?${query({ AccessToken: token })}`,
      signed: false,
    },
    {
      method: 'getUser',
      param: () => pool.take(),
      sdk: (code) => client.getUser(code),
      url: (code) => `${url}/api/user/me/auth/data?${query({ UserToken: code })}`,
      signed: true,
    },
  ];
  // Every caller must succeed on its URL before anything is timed.
  if ((await client.validateAccessToken(tokens[1] as string)) !== true) throw new Error('validateAccessToken said false for a fresh token');
  for (const scenario of scenarios) {
    await bareFetch(scenario.url(await scenario.param()));
    await bareKy(scenario.url(await scenario.param()));
  }

  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secretKey), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  const rows: Row[] = [];
  for (const concurrency of [1, CONCURRENCY]) {
    for (const scenario of scenarios) {
      const calls: Record<Caller, (input: string) => Promise<unknown>> = {
        sdk: scenario.sdk,
        fetch: (input) => bareFetch(scenario.url(input)),
        ky: (input) => bareKy(scenario.url(input)),
        kyJose: async (input) => jwtVerify((await bareKy(scenario.url(input))) as string, key, { algorithms: ['HS256'] }),
      };
      const sequential = concurrency === 1;
      const callers: Caller[] = scenario.signed && sequential ? ['sdk', 'fetch', 'ky', 'kyJose'] : ['sdk', 'fetch', 'ky'];
      const timings = await inRounds(callers, sequential ? options.rounds : options.concurrentRounds, async (caller) => {
        const call = calls[caller];
        const timing = await timeWithParam(scenario.param, async (input: string) => do_not_optimize(await call(input)), {
          minTimeMs: sequential ? options.minTimeMs : options.concurrentMinTimeMs,
          concurrency,
          minSamples: sequential ? 20 : 8,
        });
        return timing;
      });
      rows.push(...rowsFor(scenario.method, concurrency, callers, timings));
    }
  }
  return rows;
}

function rowsFor(method: string, concurrency: number, callers: readonly Caller[], timings: Partial<Record<Caller, Timing[]>>): Row[] {
  const pick = (read: (t: Timing) => number) =>
    Object.fromEntries(callers.map((c) => [c, figure((timings[c] ?? []).map(read))])) as Record<Caller, Figure>;
  const p50 = pick((t) => t.p50Ns);
  const p99 = pick((t) => t.p99Ns);
  const ops = pick((t) => (1e9 * concurrency) / t.avgNs);
  const how = concurrency === 1 ? 'seq' : `x${concurrency} concurrent`;
  const latency = concurrency === 1 ? 'per call' : `per batch of ${concurrency}`;
  const row = (label: string, unit: Unit, values: Record<Caller, Figure>, baseline: Caller, limit?: number): Row => {
    const ratio = ratioFigure(values.sdk, values[baseline]);
    return {
      section: SECTION,
      figure: `${method} ${how}, ${label}`,
      unit,
      authlite: fig(values.sdk),
      baseline: { name: NAMES[baseline], value: fig(values[baseline]) },
      ratio,
      ...(limit === undefined ? {} : { budget: atMost(ratio.median, limit) }),
    };
  };
  // The budget compares like with like: a signed answer against a bare call that also verifies it.
  const signed = callers.includes('kyJose');
  const sequential = concurrency === 1;
  const out: Row[] = [
    row(`p50 ${latency}`, 'ns', p50, 'ky', sequential && !signed ? BUDGET.validateP50VsKy : undefined),
    ...(signed ? [row(`p50 ${latency}`, 'ns', p50, 'kyJose', sequential ? BUDGET.getUserP50VsKyJose : undefined)] : []),
    row(`p50 ${latency}`, 'ns', p50, 'fetch'),
    row(`p99 ${latency}`, 'ns', p99, 'ky'),
    row('throughput', 'ops/s', ops, 'ky'),
    row('throughput', 'ops/s', ops, 'fetch'),
  ];
  return out;
}
