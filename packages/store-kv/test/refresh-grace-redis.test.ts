// The shared grace record on Redis through unstorage: several servers (clients with their own
// connection each) and the hostile cases: a record sealed under another secret key, altered,
// copied under another record's key, past its end, and a hung Redis.
import { AuthLiteClient, HttpError, isAuthLiteError, type TokenPair } from '@authlite/core';
import { EmulatorControl } from '@authlite/store-conformance';
import { type ConformanceEmulator, type RedisServer, startConformanceEmulator, startRedisServer } from '@authlite/store-conformance/node';
import { Redis } from 'ioredis';
import type { Storage } from 'unstorage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedRefreshGrace, fromUnstorage, type KvBackend } from '../src/index.js';
import { graceLeaks } from './grace-leaks.js';
import { REDIS_OPTIONS, redisStorage } from './redis-target.js';

const REFRESH_PATH = '/api/user/me/access/token/';
const GRACE_S = 30;

let emulator: ConformanceEmulator;
let redis: RedisServer;
let frozen: RedisServer;
let raw: Redis;
const storages: Storage[] = [];
let users = 0;

beforeAll(async () => {
  [emulator, redis, frozen] = await Promise.all([startConformanceEmulator(), startRedisServer(), startRedisServer()]);
  frozen.pause();
  raw = new Redis(redis.url, REDIS_OPTIONS);
});
afterAll(async () => {
  raw?.disconnect();
  await Promise.all(storages.map((storage) => storage.dispose()));
  await Promise.all([redis?.stop(), frozen?.stop()]);
  await emulator?.stop();
});

const control = () => new EmulatorControl(emulator.config.emulatorUrl);
const refreshStatuses = async () => (await control().requests()).filter((r) => r.path === REFRESH_PATH).map((r) => r.status);

/** A server: a client of its own on a Redis connection of its own, sharing the grace record under `prefix` (`''`: no shared record). */
function server(prefix: string, options: { secretKey?: string; storeTimeout?: number } = {}): AuthLiteClient {
  const { main } = emulator.config.orgs;
  if (prefix === '') return new AuthLiteClient({ ...main, baseUrl: emulator.config.emulatorUrl, refreshGracePeriod: GRACE_S });
  const { storage } = redisStorage(redis.url);
  storages.push(storage);
  const grace = createSharedRefreshGrace(fromUnstorage(storage), { secretKey: options.secretKey ?? main.secretKey, prefix });
  return new AuthLiteClient({
    ...main,
    baseUrl: emulator.config.emulatorUrl,
    sharedRefreshGrace: grace,
    refreshGracePeriod: GRACE_S,
    storeTimeout: options.storeTimeout ?? 10_000,
  });
}

/** A client sharing the grace record through `backend` (Redis with a test's hooks around it). */
function clientOn(backend: KvBackend, storeTimeout = 10_000): AuthLiteClient {
  const { main } = emulator.config.orgs;
  const grace = createSharedRefreshGrace(backend, { secretKey: main.secretKey, prefix: 'grace-g:' });
  return new AuthLiteClient({ ...main, baseUrl: emulator.config.emulatorUrl, sharedRefreshGrace: grace, storeTimeout });
}

/** A new user's pair whose access token has expired. */
async function expiredPair(): Promise<{ access: string; refresh: string }> {
  const { main } = emulator.config.orgs;
  const client = new AuthLiteClient({ ...main, baseUrl: emulator.config.emulatorUrl });
  const user = await client.getUser(await control().login(main.orgId, `redis-grace-${users++}@example.com`));
  await control().advanceClock(3601);
  return { access: user.access_token, refresh: user.refresh_token };
}

/**
 * How a refresh ends: `ok <new refresh token>`, `refused <status>` or the error code. Waits
 * for the shared record's write too (handed over through `waitUntil`), so the next step sees it.
 */
async function refreshOutcome(client: AuthLiteClient, refresh: string): Promise<string> {
  const writes: Promise<unknown>[] = [];
  try {
    const pair: TokenPair = await client.getAccessTokenFromRefreshToken(refresh, { waitUntil: (write) => writes.push(write) });
    await Promise.all(writes);
    return `ok ${pair.refresh_token}`;
  } catch (error) {
    if (error instanceof HttpError) return `refused ${error.status}`;
    return isAuthLiteError(error) ? error.code : String(error);
  }
}

async function keysUnder(prefix: string): Promise<string[]> {
  return raw.keys(`${prefix}*`);
}

describe('shared refresh grace on Redis (unstorage redis driver), several servers', () => {
  it('without the option (baseline): 3 servers x 5 concurrent requests, only one server keeps the session', async () => {
    const servers = [server(''), server(''), server('')];
    const pair = await expiredPair();
    await control().faults([{ path: REFRESH_PATH, delay_ms: 300, times: 1 }]);
    const outcomes = await Promise.all(
      servers.flatMap((client) =>
        Array.from({ length: 5 }, () =>
          client.validateTokenSet(pair.access, pair.refresh).then(
            () => 'ok',
            (e: { code?: string }) => e.code,
          ),
        ),
      ),
    );
    console.log(
      `across 3 servers x 5 requests on Redis, without sharedRefreshGrace: ${outcomes.filter((o) => o === 'ok').length}/15 keep the session`,
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'ERR_TOKEN_SET_INVALID')).toHaveLength(10);
  });

  it('3 servers x 5 concurrent requests: all 15 get one pair, 1 refresh accepted, the Redis values hold no token', async () => {
    const prefix = 'grace-a:';
    const servers = [server(prefix), server(prefix), server(prefix)];
    const pair = await expiredPair();
    await control().faults([{ path: REFRESH_PATH, delay_ms: 300, times: 1 }]);
    const before = (await refreshStatuses()).length;
    const checks = await Promise.all(
      servers.flatMap((client) => Array.from({ length: 5 }, () => client.validateTokenSet(pair.access, pair.refresh))),
    );
    expect(new Set(checks.map((c) => `${c.state}|${c.access}|${c.refresh}`)).size).toBe(1);
    expect(checks[0]?.state).toBe(false);
    expect((await refreshStatuses()).slice(before).sort()).toEqual([200, 401, 401]);
    const keys = await keysUnder(prefix);
    expect(keys).toHaveLength(1);
    const values = await Promise.all(keys.map(async (key) => (await raw.get(key)) ?? ''));
    expect(values[0]?.split('.')).toHaveLength(5);
    const tokens = [pair.access, pair.refresh, checks[0]?.access ?? '', checks[0]?.refresh ?? ''];
    expect(graceLeaks([...keys, ...values], tokens)).toEqual([]);
  });

  it('the writer still writing when the refusal comes: the reader reads again within storeTimeout and gets the pair', async () => {
    const pair = await expiredPair();
    const redisBackend = () => {
      const { storage } = redisStorage(redis.url);
      storages.push(storage);
      return fromUnstorage(storage);
    };
    const writerRedis = redisBackend();
    const readerRedis = redisBackend();
    let openWrite!: () => void;
    const writeGate = new Promise<void>((resolve) => {
      openWrite = resolve;
    });
    const reads: unknown[] = [];
    // The writer's record reaches Redis only after the reader's first read came back empty.
    const writer = clientOn({
      get: (key) => writerRedis.get(key),
      put: (key, value, ttl) => writeGate.then(() => writerRedis.put(key, value, ttl)),
    });
    const reader = clientOn({
      get: async (key) => {
        const value = await readerRedis.get(key);
        reads.push(value);
        openWrite();
        return value;
      },
      put: (key, value, ttl) => readerRedis.put(key, value, ttl),
    });
    const writes: Promise<unknown>[] = [];
    const rotated = await writer.getAccessTokenFromRefreshToken(pair.refresh, { waitUntil: (write) => writes.push(write) });
    expect(await refreshOutcome(reader, pair.refresh)).toBe(`ok ${rotated.refresh_token}`);
    await Promise.all(writes);
    expect(reads[0] ?? null).toBeNull();
    expect(typeof reads.at(-1)).toBe('string');
  });

  it('a record sealed under another secret key, placed under the right key, reads as no record: the refresh is refused', async () => {
    const prefix = 'grace-b:';
    const pair = await expiredPair();
    expect(await refreshOutcome(server(prefix), pair.refresh)).toMatch(/^ok /);
    const [rightKey] = await keysUnder(prefix);
    expect(rightKey).toBeDefined();
    // The same token rotated by a server with another secret key writes under another name; move its value over.
    const foreignPrefix = 'grace-b-foreign:';
    const { storage } = redisStorage(redis.url);
    storages.push(storage);
    await createSharedRefreshGrace(fromUnstorage(storage), { secretKey: 'another-secret-key', prefix: foreignPrefix }).remember(
      pair.refresh,
      { access_token: 'forged-access', refresh_token: 'forged-refresh' },
      { nowMs: Date.now() + 3_601_000, untilMs: Date.now() + 3_700_000 },
    );
    const [foreignKey] = await keysUnder(foreignPrefix);
    expect(foreignKey?.slice(foreignPrefix.length)).not.toBe(rightKey?.slice(prefix.length));
    await raw.set(rightKey ?? '', (await raw.get(foreignKey ?? '')) ?? '');
    expect(await refreshOutcome(server(prefix, { storeTimeout: 1000 }), pair.refresh)).toBe('refused 401');
  });

  it('an altered record reads as no record: the refresh is refused', async () => {
    const prefix = 'grace-c:';
    const pair = await expiredPair();
    expect(await refreshOutcome(server(prefix), pair.refresh)).toMatch(/^ok /);
    const [key] = await keysUnder(prefix);
    expect(key).toBeDefined();
    const parts = ((await raw.get(key ?? '')) ?? '').split('.');
    const ciphertext = parts[3] ?? '';
    parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
    await raw.set(key ?? '', parts.join('.'));
    expect(await refreshOutcome(server(prefix, { storeTimeout: 1000 }), pair.refresh)).toBe('refused 401');
  });

  it("a record copied under another token's key reads as no record (the name is in the JWE header): no pair of another user", async () => {
    const prefix = 'grace-d:';
    const writer = server(prefix);
    const first = await expiredPair();
    const second = await expiredPair();
    expect(await refreshOutcome(writer, first.refresh)).toMatch(/^ok /);
    const [firstKey] = await keysUnder(prefix);
    expect(await refreshOutcome(writer, second.refresh)).toMatch(/^ok /);
    const secondKey = (await keysUnder(prefix)).find((key) => key !== firstKey);
    expect([firstKey, secondKey].every(Boolean)).toBe(true);
    await raw.set(secondKey ?? '', (await raw.get(firstKey ?? '')) ?? '');
    expect(await refreshOutcome(server(prefix, { storeTimeout: 1000 }), second.refresh)).toBe('refused 401');
    // The first user's record itself still serves another server.
    expect(await refreshOutcome(server(prefix), first.refresh)).toMatch(/^ok /);
  });

  it('a record past its end (refreshGracePeriod on the service clock, moved forward) is refused; within it, served', async () => {
    const prefix = 'grace-e:';
    const pair = await expiredPair();
    const rotated = await refreshOutcome(server(prefix), pair.refresh);
    expect(rotated).toMatch(/^ok /);
    await control().advanceClock(GRACE_S - 10);
    expect(await refreshOutcome(server(prefix), pair.refresh)).toBe(rotated);
    // The refusal's Date header moves each reader's service clock past the record's end.
    await control().advanceClock(15);
    expect(await refreshOutcome(server(prefix, { storeTimeout: 1000 }), pair.refresh)).toBe('refused 401');
  });

  it('a hung Redis (SIGSTOP, no deadline of its own) never hangs a refresh: the rotation answers, a refusal answers after storeTimeout', async () => {
    const pair = await expiredPair();
    // ioredis straight on the frozen server: its commands wait forever (unstorage's adapter would time them out itself).
    const hungRedis = new Redis(frozen.url, REDIS_OPTIONS);
    hungRedis.on('error', () => undefined);
    try {
      const hungBackend: KvBackend = {
        get: (key) => hungRedis.get(key),
        put: async (key, value, ttl) => {
          await hungRedis.set(key, value, 'EX', ttl);
        },
      };
      const hung = () => clientOn(hungBackend, 200);
      const first = hung();
      // Its write (handed to waitUntil) ends at storeTimeout too: waiting for it never hangs a Worker's request.
      const rotated = await refreshOutcome(first, pair.refresh);
      expect(rotated).toMatch(/^ok /);
      expect(await refreshOutcome(hung(), pair.refresh)).toBe('refused 401');
      // The same client still answers from its own record.
      expect(await refreshOutcome(first, pair.refresh)).toBe(rotated);
    } finally {
      hungRedis.disconnect();
    }
  });
});
