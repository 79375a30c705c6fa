import { AuthLiteClient } from '@authlite/core';
import { EmulatorControl, plantedSnapshot, runConformance } from '@authlite/store-conformance';
import {
  type ConformanceEmulator,
  describeConformance,
  type RedisServer,
  startConformanceEmulator,
  startRedisServer,
} from '@authlite/store-conformance/node';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnstorageStore, StoreTimeoutError } from '../src/index.js';
import { ADMIN, MAIN_SNAPSHOT_KEY as key, VIEWER } from './conformance-roles.js';
import { redisStorage, redisTarget } from './redis-target.js';

let emulator: ConformanceEmulator;
let redis: RedisServer;
/** A redis-server frozen with SIGSTOP for the whole file: the suite's hanging backend. */
let frozen: RedisServer;
beforeAll(async () => {
  [emulator, redis, frozen] = await Promise.all([startConformanceEmulator(), startRedisServer(), startRedisServer()]);
  frozen.pause();
});
afterAll(async () => {
  await Promise.all([redis?.stop(), frozen?.stop()]);
  await emulator?.stop();
});

describeConformance('Redis (redis-server, unstorage redis driver, ioredis)', () =>
  runConformance(redisTarget(redis.url, { frozenUrl: frozen.url }), emulator.config),
);
describeConformance('Redis with the fill lease', () =>
  runConformance(redisTarget(redis.url, { fillLease: true, frozenUrl: frozen.url }), {
    ...emulator.config,
    runId: `${emulator.config.runId}-lease`,
  }),
);

describe('Redis down, restarted, hung', () => {
  let server: RedisServer;
  let raw: Redis;
  const emu = () => new EmulatorControl(emulator.config.emulatorUrl);
  const client = (store: ReturnType<typeof createUnstorageStore>) => {
    const { main } = emulator.config.orgs;
    return new AuthLiteClient({
      apiKey: main.apiKey,
      secretKey: main.secretKey,
      orgId: main.orgId,
      baseUrl: emulator.config.emulatorUrl,
      roleStore: store,
    });
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    raw?.disconnect();
    await server?.stop();
  });

  it('keeps snapshots under the ttl it was given, as a Redis expiry', async () => {
    raw = new Redis(server.url, { maxRetriesPerRequest: 0, lazyConnect: true });
    raw.on('error', () => undefined);
    const { storage } = redisStorage(server.url);
    const store = createUnstorageStore(storage, { prefix: 'ttl:', ttl: 120 });
    await store.set(key, plantedSnapshot({ orgId: 'o' }));
    const ttl = await raw.ttl(`ttl:${key}`);
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    await storage.dispose();
  });

  it('stopped: a store call fails at once, checks go on from memory, then from the service; restarted: the store recovers by itself', async () => {
    await emu().reset();
    const { storage } = redisStorage(server.url);
    const store = createUnstorageStore(storage, { prefix: 'down:' });
    const loaded = client(store);
    expect(await loaded.roles.validate(ADMIN, 'billing', 'write')).toBe(true);
    expect(await raw.exists(`down:${key}`)).toBe(1);

    await server.stop();
    await expect(store.get(key)).rejects.toThrow(/max retries per request/);
    // From memory: no fetch.
    expect(await loaded.roles.validate(VIEWER, 'billing', 'write')).toBe(false);
    expect(await loaded.roles.validate(VIEWER, 'reports', 'read')).toBe(true);
    expect(await emu().roleFetches()).toBe(1);
    // A new client on the dead store: from the service, right answers.
    const fresh = client(createUnstorageStore(storage, { prefix: 'down:' }));
    expect(await fresh.roles.validate(ADMIN, 'billing', 'write')).toBe(true);
    expect(await fresh.roles.validate(VIEWER, 'billing', 'write')).toBe(false);
    expect(await fresh.roles.validate(VIEWER, 'reports', 'read')).toBe(true);
    expect(await emu().roleFetches()).toBe(2);

    await server.restart();
    // ioredis reconnects on its own schedule: wait for the store to answer again (no restart of the store or the
    // client). No attempt cap of its own: the test's timeout is the bound.
    for (;;) {
      const back = await store.get(key).then(
        () => true,
        () => false,
      );
      if (back) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await fresh.roles.refresh();
    expect(await emu().roleFetches()).toBe(3);
    const later = client(createUnstorageStore(redisStorage(server.url).storage, { prefix: 'down:' }));
    expect(await later.roles.validate(ADMIN, 'billing', 'write')).toBe(true);
    expect(await emu().roleFetches()).toBe(3);
    await storage.dispose();
  });

  it('hung (SIGSTOP): each store call ends at its deadline with StoreTimeoutError; checks are answered by the service', async () => {
    await emu().reset();
    const { storage } = redisStorage(server.url);
    const store = createUnstorageStore(storage, { prefix: 'hung:', timeout: 200 });
    await store.get(key); // connected before the freeze
    server.pause();
    try {
      const error = await Promise.resolve(store.get(key)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreTimeoutError);
      expect(error).toMatchObject({ code: 'ERR_STORE_TIMEOUT', operation: 'get', timeoutMs: 200 });
      const setError = await Promise.resolve(store.set(key, plantedSnapshot({ orgId: 'o' }))).catch((e: unknown) => e);
      expect(setError).toMatchObject({ code: 'ERR_STORE_TIMEOUT', operation: 'put' });
      const hung = client(store);
      expect(await hung.roles.validate(ADMIN, 'billing', 'write')).toBe(true);
      expect(await hung.roles.validate(VIEWER, 'billing', 'write')).toBe(false);
      expect(await hung.roles.validate(VIEWER, 'reports', 'read')).toBe(true);
      expect(await emu().roleFetches()).toBe(1);
    } finally {
      server.resume();
    }
    await storage.dispose();
  });
});
