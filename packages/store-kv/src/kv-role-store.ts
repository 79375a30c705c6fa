import type { Clock, RoleSnapshot, RoleStore } from '@authlite/core';
import { open, seal } from './envelope.ts';
import type { KvBackend } from './kv-backend.ts';
import { type KvStoreOptions, resolveOptions } from './options.ts';

/**
 * A role store on a key-value backend that many clients share: every isolate, region and
 * machine of an app reads the snapshot one of them fetched. Each snapshot is kept as JSON
 * `{"expiresAt", "value"}` under `<prefix><key>` (the key names the organisation and the
 * snapshot version), with its own expiry `ttl` seconds after it was saved.
 *
 * Backend errors are thrown as they are; the client contains them (a failed `get` reads as
 * empty, a failed `set` leaves its in-memory cache valid).
 */
export class KvRoleStore implements RoleStore {
  readonly #backend: KvBackend;
  readonly #prefix: string;
  readonly #ttl: number;
  readonly #clock: Clock;

  /** @throws TypeError when `backend` lacks `get` or `put`, or an option is invalid. */
  constructor(backend: KvBackend, options: KvStoreOptions = {}) {
    if (typeof backend?.get !== 'function' || typeof backend?.put !== 'function') {
      throw new TypeError('createKvStore needs a backend with get(key) and put(key, value, ttlSeconds) methods');
    }
    const resolved = resolveOptions(options);
    this.#backend = backend;
    this.#prefix = resolved.prefix;
    this.#ttl = resolved.ttl;
    this.#clock = resolved.clock;
  }

  /** The snapshot saved under `key`, or `undefined` when there is none or it expired. */
  async get(key: string): Promise<unknown> {
    return open(await this.#backend.get(this.#prefix + key), this.#clock.nowMs() / 1000);
  }

  /** Saves `snapshot` under `key` for `ttl` seconds. @throws the backend's error; TypeError when the snapshot is not JSON. */
  async set(key: string, snapshot: RoleSnapshot): Promise<void> {
    await this.#backend.put(this.#prefix + key, seal(snapshot, this.#clock.nowMs() / 1000 + this.#ttl), this.#ttl);
  }
}

/**
 * A role store on `backend`; pass it as the client's `roleStore`:
 *
 * ```ts
 * // Cloudflare Workers
 * roleStore: createKvStore(fromCloudflareKv(env.ROLES))
 * // Deno and Deno Deploy
 * roleStore: createKvStore(fromDenoKv(await Deno.openKv()))
 * // anything else with get and put, see KvBackend
 * roleStore: createKvStore({ get, put }, { prefix: 'myapp:' })
 * ```
 *
 * @throws TypeError when `backend` lacks `get` or `put`, or an option is invalid.
 */
export function createKvStore(backend: KvBackend, options?: KvStoreOptions): KvRoleStore {
  return new KvRoleStore(backend, options);
}
