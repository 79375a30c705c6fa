import { snapshotKey } from '@authlite/core/store';
import { plantedSnapshot } from '@authlite/store-conformance';
import { type RedisServer, startRedisServer } from '@authlite/store-conformance/node';
import { Redis } from 'ioredis';
import { createStorage } from 'unstorage';
import memoryDriver from 'unstorage/drivers/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnstorageStore, DEFAULT_FILL_LEASE_MS, fromUnstorage } from '../src/index.js';
import { redisStorage } from './redis-target.js';

const KEY = snapshotKey('org-1');

let redis: RedisServer;
let raw: Redis;
beforeAll(async () => {
  redis = await startRedisServer();
  raw = new Redis(redis.url);
});
afterAll(async () => {
  raw?.disconnect();
  await redis?.stop();
});

describe('the fill lease on Redis: one process fills an empty store, the others wait for it', () => {
  it('the first reader of an empty key takes the lease and reads nothing; a second waits and gets the snapshot the first saves', async () => {
    const [a, b] = [redisStorage(redis.url).storage, redisStorage(redis.url).storage];
    const first = createUnstorageStore(a, { prefix: 'wait:' });
    const second = createUnstorageStore(b, { prefix: 'wait:' });
    expect(await first.get(KEY)).toBeUndefined();
    expect(await raw.get(`wait:${KEY}:filling`)).toMatch(/^[0-9a-f-]{36}$/);
    // The holder reads again (another check of the same process): it is its own lease, no wait.
    expect(await first.get(KEY)).toBeUndefined();
    let waited: unknown = 'pending';
    const waiting = Promise.resolve(second.get(KEY)).then((value) => (waited = value));
    // Still waiting while nothing is saved: its reads keep coming back empty.
    expect(await first.get(KEY)).toBeUndefined();
    expect(waited).toBe('pending');
    const snapshot = plantedSnapshot({ orgId: 'org-1' });
    await first.set(KEY, snapshot);
    expect(await waiting).toEqual(snapshot);
    expect(await raw.exists(`wait:${KEY}:filling`)).toBe(0);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('a holder that never saves loses the lease when it expires: the next reader takes it over', async () => {
    const [a, b] = [redisStorage(redis.url).storage, redisStorage(redis.url).storage];
    const dying = fromUnstorage(a, { fillLease: 100 });
    const next = fromUnstorage(b, { fillLease: 100 });
    expect(await dying.get('expiring')).toBeNull();
    const dyingToken = await raw.get('expiring:filling');
    expect(await next.get('expiring')).toBeNull();
    const nextToken = await raw.get('expiring:filling');
    expect(nextToken).toMatch(/^[0-9a-f-]{36}$/);
    expect(nextToken).not.toBe(dyingToken);
    await Promise.all([a.dispose(), b.dispose()]);
  });

  it('is off with fillLease: false, and skipped on drivers without an atomic set-if-absent', async () => {
    const { storage } = redisStorage(redis.url);
    expect(await fromUnstorage(storage, { fillLease: false }).get('off')).toBeNull();
    expect(await raw.exists('off:filling')).toBe(0);
    await storage.dispose();
    const memory = createStorage({ driver: memoryDriver() });
    expect(await fromUnstorage(memory).get('k')).toBeNull();
    expect(await memory.getKeys()).toEqual([]);
    expect(DEFAULT_FILL_LEASE_MS).toBe(3_000);
  });

  it('refuses a bad fillLease with a TypeError naming it', () => {
    const memory = createStorage({ driver: memoryDriver() });
    for (const fillLease of [99, 60_001, 1.5, 'yes']) {
      expect(() => createUnstorageStore(memory, { fillLease: fillLease as never }), String(fillLease)).toThrow(
        /Invalid option "fillLease"/,
      );
    }
  });
});
