// Four Node processes, each with its own AuthLiteClient, share one Redis role store (unstorage's
// Redis driver) and one emulator. Time moves by the clocks (each process's SDK clock and the
// emulator's), never by sleeping; GET /rbac/role is counted in the emulator's request log.
import { snapshotKey } from '@authlite/core/store';
import { CONFORMANCE_ORGS, EmulatorControl, expectedSeedMatrix } from '@authlite/store-conformance';
import { type ConformanceEmulator, type RedisServer, startConformanceEmulator, startRedisServer } from '@authlite/store-conformance/node';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RoleServer, startFleet } from './fleet/fleet.js';

const MAX_AGE_S = 300;
const SERVERS = 4;
const CHECKS = 1_000;

/** [role, key, value] and its answer, from the seed alone, cycled to `n` checks. */
function seedChecks(n: number): { checks: [string, string, string][]; expected: boolean[] } {
  const matrix = Object.entries(expectedSeedMatrix());
  const checks: [string, string, string][] = [];
  const expected: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const [probe, granted] = matrix[i % matrix.length]!;
    const [role, permission] = probe.split(' ') as [string, string];
    const [key, value] = permission.split('=') as [string, string];
    checks.push([role, key, value]);
    expected.push(granted);
  }
  return { checks, expected };
}

let emulator: ConformanceEmulator;
let redis: RedisServer;
let fleet: Awaited<ReturnType<typeof startFleet>>;
let servers: RoleServer[];
let raw: Redis;
const emu = () => new EmulatorControl(emulator.config.emulatorUrl);
const prefix = `fleet${Date.now().toString(36)}:`;
const storedKey = `${prefix}${snapshotKey(CONFORMANCE_ORGS.main.orgId)}`;

beforeAll(async () => {
  [emulator, redis] = await Promise.all([startConformanceEmulator(), startRedisServer()]);
  fleet = await startFleet(SERVERS, {
    emulatorUrl: emulator.config.emulatorUrl,
    redisUrl: redis.url,
    prefix,
    maxAge: MAX_AGE_S,
    org: CONFORMANCE_ORGS.main,
  });
  servers = fleet.servers;
  raw = new Redis(redis.url, { maxRetriesPerRequest: 0 });
  raw.on('error', () => undefined);
  await emu().reset();
});

afterAll(async () => {
  raw?.disconnect();
  await fleet?.stop();
  await redis?.stop();
  await emulator?.stop();
});

/** Spreads `checks` round-robin over the servers, all at once; answers in the original order. */
async function spread(checks: [string, string, string][], over: RoleServer[] = servers): Promise<boolean[]> {
  const shares = over.map((_, s) => checks.map((check, i) => [check, i] as const).filter(([, i]) => i % over.length === s));
  const answers = await Promise.all(
    shares.map((share, s) => over[s]!.send<boolean[]>({ cmd: 'check', checks: share.map(([check]) => check) })),
  );
  const out: boolean[] = new Array(checks.length);
  for (const [s, share] of shares.entries()) {
    for (const [j, [, i]] of share.entries()) out[i] = answers[s]![j]!;
  }
  return out;
}

/** Moves every clock by `seconds`: the emulator's and each server's SDK clock. */
async function advanceAll(seconds: number): Promise<void> {
  await emu().advanceClock(seconds);
  await Promise.all(servers.map((server) => server.send({ cmd: 'advance', seconds })));
}

describe(`${SERVERS} Node processes sharing one Redis role store`, () => {
  it(`${CHECKS} permission checks spread over them at once, on an empty store, cause exactly 1 GET /rbac/role, all answers right`, async () => {
    const { checks, expected } = seedChecks(CHECKS);
    // All four find the store empty at the same time: one takes the fill lease and fetches, the others wait for its snapshot.
    expect(await spread(checks)).toEqual(expected);
    expect(await emu().roleFetches()).toBe(1);
    expect(await raw.exists(storedKey)).toBe(1);
    expect(await raw.exists(`${storedKey}:filling`)).toBe(0);
    // More checks within maxAge: from each process's memory.
    expect(await spread(checks)).toEqual(expected);
    expect(await emu().roleFetches()).toBe(1);
  });

  it('a role change through one process: the others see it at their next X-EDGE or after maxAge, as documented', async () => {
    const [writer, edgeSeer, ageSeer, lateSeer] = servers as [RoleServer, RoleServer, RoleServer, RoleServer];
    const roleId = await writer.send<string>({ cmd: 'add-role', name: 'fleet-reader', permission: { fleet: 'read' } });
    const probe: [string, string, string][] = [[roleId, 'fleet', 'read']];
    // Write-through: the writer at once; the others keep their loaded snapshot (no X-EDGE yet, within maxAge).
    expect(await writer.send({ cmd: 'check', checks: probe })).toEqual([true]);
    expect(await spread(probe.concat(probe, probe), [edgeSeer, ageSeer, lateSeer])).toEqual([false, false, false]);
    expect(await emu().roleFetches()).toBe(1);

    // Any answer to a process carries X-EDGE: 4, which differs from its snapshot's 3: its next check re-fetches.
    expect(await edgeSeer.send({ cmd: 'get-user', code: await emu().login(CONFORMANCE_ORGS.main.orgId, 'alice@example.com') })).toBe(
      'alice@example.com',
    );
    expect(await edgeSeer.send({ cmd: 'check', checks: probe })).toEqual([true]);
    expect(await emu().roleFetches()).toBe(2);

    // Past maxAge: the next sync reads the store first. Every stored snapshot is now older than maxAge, so the
    // first to sync fetches and saves; the one after loads that from Redis without a fetch.
    await advanceAll(MAX_AGE_S + 1);
    expect(await ageSeer.send({ cmd: 'check', checks: probe })).toEqual([true]);
    expect(await emu().roleFetches()).toBe(3);
    expect(await lateSeer.send({ cmd: 'check', checks: probe })).toEqual([true]);
    expect(await emu().roleFetches()).toBe(3);
  });

  it('Redis stopped in the middle: checks go on from memory, then from the service, no wrong answer; restarted: the store recovers without restarting the servers', async () => {
    const { checks, expected } = seedChecks(200);
    await advanceAll(MAX_AGE_S + 1);
    // Every process loads a fresh snapshot (one fetch by the first, the others from Redis).
    expect(await servers[0]!.send({ cmd: 'check', checks: checks.slice(0, 1) })).toEqual(expected.slice(0, 1));
    expect(await spread(checks)).toEqual(expected);
    const fetchesBefore = await emu().roleFetches();
    expect(fetchesBefore).toBe(4);

    await redis.stop();
    // Within maxAge: from memory, no fetch.
    expect(await spread(checks)).toEqual(expected);
    expect(await emu().roleFetches()).toBe(fetchesBefore);
    // Past maxAge: the store fails at once, each process asks the service once; answers stay right.
    await advanceAll(MAX_AGE_S + 1);
    expect(await spread(checks)).toEqual(expected);
    expect(await emu().roleFetches()).toBe(fetchesBefore + SERVERS);
    expect(await spread(checks)).toEqual(expected);
    expect(await emu().roleFetches()).toBe(fetchesBefore + SERVERS);

    await redis.restart();
    // Each process's connection comes back by itself (ioredis reconnects): wait for it, the servers run on.
    // No attempt cap of its own: the test's timeout is the bound.
    for (const server of servers) {
      while (!(await server.send<boolean>({ cmd: 'store-ready' }))) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Past maxAge: the first process fetches and saves to the restarted Redis, the others load that from it.
    // (The restarted Redis may already hold a snapshot saved during the outage: ioredis sends a save still in
    // its offline queue once it reconnects. Past maxAge that one is stale for all, so it changes no count here.)
    await advanceAll(MAX_AGE_S + 1);
    expect(await servers[0]!.send({ cmd: 'check', checks: checks.slice(0, 1) })).toEqual(expected.slice(0, 1));
    expect(await raw.exists(storedKey)).toBe(1);
    expect(await spread(checks)).toEqual(expected);
    expect(await emu().roleFetches()).toBe(fetchesBefore + SERVERS + 1);
  });
});
