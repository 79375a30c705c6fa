import { withDeadline } from './deadline.ts';
import type { UnstorageLike } from './unstorage.ts';

/** The part of an ioredis client the fill lease uses. */
interface RedisCommands {
  set(key: string, value: string, px: 'PX', ms: number, nx: 'NX'): Promise<string | null>;
  get(key: string): Promise<string | null>;
  del(key: string): Promise<number>;
}

/** Default time one process may hold the fill lease, milliseconds: past it, another takes over. */
export const DEFAULT_FILL_LEASE_MS = 3_000;
/** How often a waiting process looks for the snapshot being filled, milliseconds. */
const POLL_MS = 10;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ioredis client under the `redis` driver mounted for `key`, and the name that driver gives the key. */
function redisUnder(storage: UnstorageLike, key: string): { redis: RedisCommands; name: string } | undefined {
  const mount = storage.getMount?.(key);
  if (mount?.driver.name !== 'redis') return undefined;
  const driver = mount.driver as { getInstance?: () => unknown; options?: { base?: string } };
  const redis = driver.getInstance?.() as Partial<RedisCommands> | undefined;
  if (typeof redis?.set !== 'function' || typeof redis.get !== 'function' || typeof redis.del !== 'function') return undefined;
  const base = (driver.options?.base ?? '').replace(/:$/, '');
  const relative = key.slice(mount.base.length);
  return { redis: redis as RedisCommands, name: base ? `${base}:${relative}` : relative };
}

/**
 * Single-flight across processes for filling an empty store, on unstorage's Redis driver: the
 * first process that finds no snapshot takes a lease (`SET <key>:filling <token> PX <leaseMs> NX`)
 * and fetches; the others wait for the snapshot it saves instead of fetching too. A lease whose
 * holder never saves (its fetch failed, it died) expires after `leaseMs` and the next waiter
 * takes it. Other drivers have no atomic set-if-absent in unstorage: there the lease is skipped.
 */
export class FillLease {
  readonly #storage: UnstorageLike;
  readonly #leaseMs: number;
  readonly #timeoutMs: number;
  readonly #token = crypto.randomUUID();

  constructor(storage: UnstorageLike, leaseMs: number, timeoutMs: number) {
    this.#storage = storage;
    this.#leaseMs = leaseMs;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * After a read of `key` found nothing: `null` when this process holds the lease (it fetches
   * and saves), or the snapshot another process saved while this one waited.
   */
  async waitOrTake(key: string, read: () => Promise<unknown>): Promise<unknown> {
    const target = redisUnder(this.#storage, key);
    if (!target) return null;
    const lease = `${target.name}:filling`;
    const call = <T>(promise: Promise<T>) => withDeadline(promise, 'get', this.#timeoutMs);
    for (;;) {
      if ((await call(target.redis.set(lease, this.#token, 'PX', this.#leaseMs, 'NX'))) === 'OK') return null;
      if ((await call(target.redis.get(lease))) === this.#token) return null;
      await pause(POLL_MS);
      const value = await read();
      if (value !== null && value !== undefined) return value;
    }
  }

  /** After a save of `key`: ends the lease, so that nobody waits on it. Never throws. */
  async release(key: string): Promise<void> {
    const target = redisUnder(this.#storage, key);
    if (!target) return;
    await withDeadline(target.redis.del(`${target.name}:filling`), 'put', this.#timeoutMs).catch(() => undefined);
  }
}
