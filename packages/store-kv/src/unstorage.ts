import { withDeadline } from './deadline.ts';
import { FillLease } from './fill-lease.ts';
import type { KvBackend } from './kv-backend.ts';
import { KvRoleStore } from './kv-role-store.ts';
import { type KvStoreOptions, resolveOptions } from './options.ts';
import { type BackendLimits, limitsOf } from './unstorage-limits.ts';
import { resolveLease, resolveTimeout, type UnstorageOptions } from './unstorage-options.ts';

/**
 * The part of an unstorage `Storage` (from `createStorage()`, unstorage 1.17) the adapter
 * uses. Any `Storage` fits; so does a `prefixStorage(...)` of one.
 */
export interface UnstorageLike {
  /** The value stored under `key` (unstorage's `getItem`), or `null` when there is none. */
  getItem(key: string): Promise<unknown>;
  /** Stores `value` under `key`; `ttl` in seconds, for drivers that expire keys. */
  setItem(key: string, value: string, options?: { ttl?: number }): Promise<void>;
  /** The driver mounted for `key`; when present, the adapter reads the driver's name and whether it can write. */
  getMount?(key?: string): {
    base: string;
    driver: {
      name?: string;
      setItem?: unknown;
      /** The driver's own client (ioredis for the Redis driver). */
      getInstance?: () => unknown;
      options?: unknown;
    };
  };
}

/** The key as unstorage would keep it: `?` ends it, `/` and `\` become `:`, repeated and outer `:` go. */
function normalizedByUnstorage(key: string): string {
  return key.split('?')[0]?.replace(/[/\\]/g, ':').replace(/:+/g, ':').replace(/^:|:$/g, '') ?? '';
}

/** The mounted driver of `key`, when the storage tells it. */
function driverOf(storage: UnstorageLike, key: string): { name?: string; setItem?: unknown } | undefined {
  return typeof storage.getMount === 'function' ? storage.getMount(key)?.driver : undefined;
}

/**
 * A {@link KvBackend} on any unstorage `Storage`: Redis (ioredis), Upstash, Vercel KV,
 * Cloudflare KV, Deno KV, Netlify Blobs, the file system and the others. The limits of the
 * driver mounted for each key live here (see `DRIVER_LIMITS`): a key that unstorage would
 * rewrite (`?`, `/`, `\`, `::`) or one over the backend's key limit, and a value over its
 * size limit, are refused with a `RangeError` before anything is sent; a read-only driver
 * (no `setItem`, such as `github`) is refused with a `TypeError` instead of writes that
 * silently vanish. Drivers without expiry simply ignore the TTL: the snapshot's
 * own expiry decides; those with a minimum (Workers KV: 60 s) raise it themselves, while the
 * snapshot's own expiry still applies. Every call has a deadline (`timeout`). On the Redis
 * driver, processes that find the store empty at once fetch once between them (`fillLease`).
 * @throws TypeError when `storage` is not an unstorage `Storage` or an option is invalid.
 */
export function fromUnstorage(storage: UnstorageLike, options: UnstorageOptions = {}): KvBackend {
  if (typeof storage?.getItem !== 'function' || typeof storage?.setItem !== 'function') {
    throw new TypeError('fromUnstorage needs an unstorage Storage (createStorage({ driver }))');
  }
  const timeout = resolveTimeout(options);
  const leaseMs = resolveLease(options);
  const fill = leaseMs === undefined ? undefined : new FillLease(storage, leaseMs, timeout);
  const encoder = new TextEncoder();
  const limitsFor = (key: string): BackendLimits => {
    if (normalizedByUnstorage(key) !== key) {
      throw new RangeError(`unstorage would store the key under another name: keep "?", "/", "\\" and "::" out of the store prefix`);
    }
    const driver = driverOf(storage, key);
    const limits = options.limits ?? limitsOf(driver?.name);
    if (limits.maxKeyBytes !== undefined && encoder.encode(key).length > limits.maxKeyBytes) {
      throw new RangeError(
        `keys of the "${driver?.name ?? 'unstorage'}" driver are at most ${limits.maxKeyBytes} bytes; shorten the store prefix`,
      );
    }
    return limits;
  };
  return {
    get: async (key) => {
      limitsFor(key);
      const read = () => withDeadline(storage.getItem(key), 'get', timeout);
      const value = await read();
      return value === null || value === undefined ? (fill?.waitOrTake(key, read) ?? value) : value;
    },
    put: async (key, value, ttlSeconds) => {
      const limits = limitsFor(key);
      const driver = driverOf(storage, key);
      if (driver && typeof driver.setItem !== 'function') {
        throw new TypeError(`the unstorage driver "${driver.name ?? 'unknown'}" is read-only (no setItem): it cannot keep role snapshots`);
      }
      const bytes = encoder.encode(value).length;
      if (bytes > limits.maxValueBytes) {
        throw new RangeError(
          `role snapshots on the "${driver?.name ?? 'unstorage'}" driver are at most ${limits.maxValueBytes} bytes; this one has ${bytes}`,
        );
      }
      await withDeadline(storage.setItem(key, value, { ttl: ttlSeconds }), 'put', timeout);
      await fill?.release(key);
    },
  };
}

/**
 * A role store on any unstorage `Storage`; pass it as the client's `roleStore`:
 *
 * ```ts
 * import { createStorage } from 'unstorage';
 * import redisDriver from 'unstorage/drivers/redis';
 * const roleStore = createUnstorageStore(createStorage({ driver: redisDriver({ url: process.env.REDIS_URL }) }));
 * ```
 *
 * Checks the driver mounted for the role keys at once: a read-only one is refused here.
 * @throws TypeError when `storage` is not an unstorage `Storage`, its driver for the role keys
 * is read-only, or an option is invalid; RangeError when the prefix is one unstorage rewrites.
 */
export function createUnstorageStore(storage: UnstorageLike, options: KvStoreOptions & UnstorageOptions = {}): KvRoleStore {
  const { timeout, limits, fillLease, ...storeOptions } = options ?? {};
  const backend = fromUnstorage(storage, {
    ...(timeout === undefined ? {} : { timeout }),
    ...(limits === undefined ? {} : { limits }),
    ...(fillLease === undefined ? {} : { fillLease }),
  });
  const { prefix } = resolveOptions(storeOptions);
  const probe = `${prefix}authlite:roles`;
  if (normalizedByUnstorage(probe) !== probe) {
    throw new RangeError('Invalid option "prefix" of createUnstorageStore: unstorage rewrites "?", "/", "\\", "::" and a leading ":"');
  }
  const driver = driverOf(storage, probe);
  if (driver && typeof driver.setItem !== 'function') {
    throw new TypeError(
      `createUnstorageStore: the unstorage driver "${driver.name ?? 'unknown'}" mounted for the role keys is read-only (no setItem)`,
    );
  }
  return new KvRoleStore(backend, storeOptions);
}
