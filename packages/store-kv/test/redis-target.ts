import type { RoleStore } from '@authlite/core';
import type { StoreTarget } from '@authlite/store-conformance';
import { createStorage, type Storage } from 'unstorage';
import redisDriver from 'unstorage/drivers/redis';
import { createUnstorageStore } from '../src/index.js';

/** The ioredis options the README recommends: a command fails at once while Redis is down, and the client reconnects by itself. */
export const REDIS_OPTIONS = { maxRetriesPerRequest: 0 } as const;

/** An unstorage Storage on the Redis at `url`, through unstorage's Redis driver (ioredis); connection errors are counted, not printed. */
export function redisStorage(url: string, base = ''): { storage: Storage; errors: () => number } {
  const driver = redisDriver({ url, base, ...REDIS_OPTIONS });
  let errors = 0;
  driver.getInstance?.().on('error', () => errors++);
  return { storage: createStorage({ driver }), errors: () => errors };
}

/** Options of {@link redisTarget}. */
export interface RedisTargetOptions {
  /** The store's fill lease (default off here: the suite counts single-process behaviour). */
  fillLease?: boolean;
  /** URL of a frozen (SIGSTOP) redis-server: the suite's hanging backend, hung as Redis hangs in the field. */
  frozenUrl?: string;
}

/**
 * Redis through unstorage as a conformance target: every handle is a Storage of its own (its
 * own connection), namespace `space` is the store prefix `<space>:`.
 */
export function redisTarget(url: string, options: RedisTargetOptions = {}): StoreTarget & { openHangingStore?(space: string): RoleStore } {
  const { fillLease = false, frozenUrl } = options;
  const opened: Storage[] = [];
  const open = (at = url) => {
    const { storage } = redisStorage(at);
    opened.push(storage);
    return storage;
  };
  return {
    name: `redis (unstorage, ioredis${fillLease ? ', fill lease' : ''})`,
    openStore: (space) => createUnstorageStore(open(), { prefix: `${space}:`, fillLease }),
    writeRaw: (space, _orgId, key, raw) =>
      open().setItem(`${space}:${key}`, JSON.stringify({ expiresAt: Date.now() / 1000 + 3600, value: raw }), { ttl: 3600 }),
    ...(frozenUrl
      ? { openHangingStore: (space: string) => createUnstorageStore(open(frozenUrl), { prefix: `${space}:`, fillLease }) }
      : {}),
    close: async () => {
      await Promise.all(opened.map((storage) => storage.dispose()));
    },
  };
}
