import autocannon from 'autocannon';
import { atLeast, BUDGET } from '../budget.js';
import type { RemoteEmulator } from '../emulator/remote.js';
import { inRounds } from '../harness.js';
import { buildNextApp, startNextApp } from '../next/next-server.js';
import { signInSessions } from '../next/sessions.js';
import { fig, type Row } from '../results.js';
import { type Figure, figure, ratioFigure } from '../stats.js';

const SECTION = '9 Next.js routes';
/** Distinct signed-in sessions the load cycles through (issue 15: 200). */
const SESSIONS = 200;
const CONNECTIONS = 50;

/** Options of the Next.js routes section. */
export interface NextRoutesOptions {
  rounds: number;
  /** Requests per variant per round. */
  requests: number;
}

const VARIANTS = ['bare', 'guarded', 'permitted'] as const;
type Variant = (typeof VARIANTS)[number];
const PATHS: Record<Variant, string> = { bare: '/bare', guarded: '/guarded', permitted: '/permitted' };

/**
 * Throughput of `requests` GETs of `path` over 50 connections, each request with the next of `cookies`: answers per
 * second from the call to the last answer, timed here. autocannon's own `start`/`finish` and per-second counts are
 * taken on its 1-second sampling tick, so 2,000 answers in 2.1 s or in 2.9 s both read as 3 s (666/s).
 * @throws Error when any answer is not 2xx.
 */
async function load(url: string, path: string, cookies: readonly string[], requests: number): Promise<number> {
  let next = 0;
  let answers = 0;
  const startedMs = performance.now();
  let lastAnswerMs = startedMs;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url,
        connections: CONNECTIONS,
        amount: requests,
        requests: [
          {
            method: 'GET',
            path,
            setupRequest: (request) => ({
              ...request,
              headers: { ...request.headers, cookie: cookies[next++ % cookies.length] as string },
            }),
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    run.on('response', () => {
      answers++;
      lastAnswerMs = performance.now();
    });
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(`GET ${path}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${requests}`);
  return (answers * 1000) / (lastAnswerMs - startedMs);
}

/**
 * Budget line 7: requests/s of a Next.js app (`next build` + `next start` of
 * `packages/bench/next-app`, proxy.ts on Node) on a guarded route and on a permission route,
 * `@authlite/next` with its defaults (session cache on), under 50 connections cycling through
 * 200 distinct sessions signed in through the app; baseline: the same app's pass-through
 * proxy on the same kind of route with the same cookies. Upstream requests (counted at the
 * emulator) per request are reported beside each figure.
 */
export async function benchNextRoutes(emulator: RemoteEmulator, options: NextRoutesOptions): Promise<Row[]> {
  buildNextApp();
  const { url, apiKey, secretKey, orgId } = emulator.info;
  const app = await startNextApp({
    TRUSTAUTHX_API_KEY: apiKey,
    TRUSTAUTHX_SECRET_KEY: secretKey,
    TRUSTAUTHX_ORG_ID: orgId,
    TRUSTAUTHX_BASE_URL: url,
  });
  try {
    // alice holds the admin role, which grants reports: read.
    const cookies = await signInSessions(app.url, emulator, 'alice@example.com', SESSIONS);
    // Warm-up, untimed: JIT, the proxy's client, and one round of every session through each route.
    for (const variant of VARIANTS) await load(app.url, PATHS[variant], cookies, Math.max(SESSIONS, options.requests / 4));
    const upstream: Record<Variant, number[]> = { bare: [], guarded: [], permitted: [] };
    const throughput = await inRounds(VARIANTS, options.rounds, async (variant) => {
      await emulator.resetCounts();
      const perSecond = await load(app.url, PATHS[variant], cookies, options.requests);
      upstream[variant].push((await emulator.upstreamTotal()) / options.requests);
      return perSecond;
    });
    const rps = (variant: Variant): Figure => figure(throughput[variant]);
    const row = (variant: 'guarded' | 'permitted', limit: number, what: string): Row => {
      const ratio = ratioFigure(rps(variant), rps('bare'));
      return {
        section: SECTION,
        figure: `${what}, ${SESSIONS} sessions, x${CONNECTIONS} connections`,
        unit: 'ops/s',
        authlite: fig(rps(variant)),
        baseline: { name: 'pass-through proxy', value: fig(rps('bare')) },
        ratio,
        budget: atLeast(ratio.median, limit),
        note: `upstream requests per request: ${figure(upstream[variant]).median.toFixed(3)} (each round: ${upstream[variant].map((n) => n.toFixed(3)).join(', ')}); pass-through: ${figure(upstream.bare).median}`,
      };
    };
    return [
      row('guarded', BUDGET.nextGuardedVsBare, 'guarded route (session check)'),
      row('permitted', BUDGET.nextPermittedVsBare, 'permission route (session + role check)'),
    ];
  } finally {
    await app.stop();
  }
}
