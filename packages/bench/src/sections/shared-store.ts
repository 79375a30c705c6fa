import { type ChildProcess, fork } from 'node:child_process';
import { startRedisServer } from '@authlite/store-conformance/node';
import type { RemoteEmulator } from '../emulator/remote.js';
import type { RoleServerSettings, Workload } from '../fleet/role-server.js';
import { fig, type Row } from '../results.js';
import { figure, ratioFigure } from '../stats.js';

const SECTION = '7 shared role store';
const SERVERS = 4;
const ROLE_FETCH = 'GET /rbac/role';

/** Options of the shared-store section. */
export interface SharedStoreOptions {
  /** Rounds; each measures both fleets, the order alternating. */
  rounds: number;
  /** Clients per server per round, one after the other (a new process, isolate or restart each). */
  lifetimes: number;
  /** Concurrent permission checks per client. */
  checksPerLifetime: number;
}

type Mode = 'redis' | 'memory';

/** Checks of the emulator's default seed with their answers (admin, editor, viewer). */
const CHECKS: [string, string, string, boolean][] = [
  ['rol_adm_00000000000000a1', 'billing', 'write', true],
  ['rol_vwr_00000000000000f1', 'billing', 'write', false],
  ['rol_edt_00000000000000e1', 'posts', 'publish', true],
  ['rol_vwr_00000000000000f1', 'reports', 'read', true],
  ['rol_edt_00000000000000e1', 'user', 'administration', false],
];

interface Fleet {
  run(work: Omit<Workload, 'id'>): Promise<{ ms: number; wrong: number }>;
  stop(): Promise<void>;
}

async function startFleet(settings: RoleServerSettings): Promise<Fleet> {
  const children: ChildProcess[] = [];
  for (let i = 0; i < SERVERS; i++) {
    const child = fork(new URL('../fleet/role-server.js', import.meta.url), [JSON.stringify(settings)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`a role server exited with code ${code}`)));
    });
    child.removeAllListeners('exit');
    children.push(child);
  }
  let next = 1;
  const ask = (child: ChildProcess, work: Omit<Workload, 'id'>) =>
    new Promise<{ ms: number; wrong: number }>((resolve) => {
      const id = next++;
      const onMessage = (message: { id: number; ms: number; wrong: number }) => {
        if (message.id !== id) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.send({ ...work, id });
    });
  return {
    async run(work) {
      const started = performance.now();
      const results = await Promise.all(children.map((child) => ask(child, work)));
      return { ms: performance.now() - started, wrong: results.reduce((n, r) => n + r.wrong, 0) };
    },
    async stop() {
      await Promise.all(
        children.map((child) => {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.send({ id: 0, stop: true });
          return exited;
        }),
      );
    },
  };
}

/**
 * Row 7: four server processes, each running permission checks through successive clients (a
 * new process, isolate or restart each), sharing one Redis role store (`redis-server` on a
 * loopback port, unstorage's Redis driver) against four processes each with a memory store of
 * its own, measured in the same run, the order alternating per round. Each round starts on an
 * empty store (a new prefix). Upstream `GET /rbac/role` are counted at the emulator.
 */
export async function benchSharedStore(emulator: RemoteEmulator, options: SharedStoreOptions): Promise<Row[]> {
  const redis = await startRedisServer();
  const base = {
    url: emulator.info.url,
    orgId: emulator.info.orgId,
    apiKey: emulator.info.apiKey,
    secretKey: emulator.info.secretKey,
    checks: CHECKS,
  };
  const fleets: Record<Mode, Fleet> = { redis: await startFleet({ ...base, redisUrl: redis.url }), memory: await startFleet(base) };
  const fetches: Record<Mode, number[]> = { redis: [], memory: [] };
  const rates: Record<Mode, number[]> = { redis: [], memory: [] };
  const checksPerRound = SERVERS * options.lifetimes * options.checksPerLifetime;
  let wrong = 0;
  try {
    for (let round = 0; round <= options.rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ['redis', 'memory'] : ['memory', 'redis'];
      for (const mode of order) {
        await emulator.resetCounts();
        const result = await fleets[mode].run({
          lifetimes: options.lifetimes,
          checksPerLifetime: options.checksPerLifetime,
          prefix: `bench${round}:`,
        });
        wrong += result.wrong;
        // Round 0 warms both fleets up and is not kept.
        if (round === 0) continue;
        fetches[mode].push(await emulator.count(ROLE_FETCH));
        rates[mode].push((checksPerRound * 1000) / result.ms);
      }
    }
  } finally {
    await Promise.all([fleets.redis.stop(), fleets.memory.stop()]);
    await redis.stop();
  }
  if (wrong > 0) throw new Error(`${wrong} permission checks answered wrong`);
  const how = `${SERVERS} processes × ${options.lifetimes} client lifetimes × ${options.checksPerLifetime} concurrent checks`;
  const upstream = { redis: figure(fetches.redis), memory: figure(fetches.memory) };
  const speed = { redis: figure(rates.redis), memory: figure(rates.memory) };
  return [
    {
      section: SECTION,
      figure: `${ROLE_FETCH} per ${checksPerRound.toLocaleString('en')} checks, shared Redis store`,
      unit: 'requests',
      authlite: fig(upstream.redis),
      baseline: { name: 'a memory store per process', value: fig(upstream.memory) },
      ratio: ratioFigure(upstream.redis, upstream.memory),
      note: `${how}; each round on an empty store; per round: Redis ${fetches.redis.join(', ')}; memory ${fetches.memory.join(', ')}`,
    },
    {
      section: SECTION,
      figure: 'checks/s over the fleet, shared Redis store',
      unit: 'ops/s',
      authlite: fig(speed.redis),
      baseline: { name: 'a memory store per process', value: fig(speed.memory) },
      ratio: ratioFigure(speed.redis, speed.memory),
      note: `${how}; wall time from the first check to the last answer; every answer checked`,
    },
  ];
}
