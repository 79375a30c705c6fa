import type { KvBackend } from './kv-backend.ts';

/** Shortest `expirationTtl` Workers KV accepts, seconds. */
export const CLOUDFLARE_KV_MIN_TTL_S = 60;
/** Shortest `cacheTtl` Workers KV accepts, seconds. */
export const CLOUDFLARE_KV_MIN_CACHE_TTL_S = 30;
/** Longest key Workers KV accepts, bytes. */
export const CLOUDFLARE_KV_MAX_KEY_BYTES = 512;

/** The part of a Workers KV namespace binding (`KVNamespace`) the adapter uses. */
export interface CloudflareKvNamespace {
  /** `KVNamespace.get(key, { type: 'text', cacheTtl })`: the stored text, or `null`. */
  get(key: string, options: { type: 'text'; cacheTtl?: number }): Promise<string | null>;
  /** `KVNamespace.put(key, value, { expirationTtl })`: `expirationTtl` in seconds. */
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>;
}

/** Options of {@link fromCloudflareKv}. */
export interface CloudflareKvOptions {
  /**
   * How long a read may be served from the edge cache of the location that read it, seconds
   * (at least 30). Default: Workers KV's own (60 s). Longer means fewer KV reads and a slower
   * view of another location's writes.
   */
  cacheTtl?: number;
}

/**
 * A {@link KvBackend} on a Workers KV namespace binding, e.g. `fromCloudflareKv(env.ROLES)`.
 * Workers KV limits live here: `expirationTtl` is raised to 60 s (the snapshot's own expiry
 * still applies), keys longer than 512 bytes are refused with a `RangeError`. Writes to one key
 * more than once a second may be refused by Workers KV (429); the client then keeps its
 * in-memory cache and the next save catches up. Reads are eventually consistent across
 * locations (up to about 60 s).
 * @throws TypeError when `namespace` is not a KV binding or `cacheTtl` is invalid.
 */
export function fromCloudflareKv(namespace: CloudflareKvNamespace, options: CloudflareKvOptions = {}): KvBackend {
  if (typeof namespace?.get !== 'function' || typeof namespace?.put !== 'function') {
    throw new TypeError('fromCloudflareKv needs a Workers KV namespace binding (env.<BINDING>)');
  }
  const { cacheTtl } = options;
  if (cacheTtl !== undefined && (!Number.isInteger(cacheTtl) || cacheTtl < CLOUDFLARE_KV_MIN_CACHE_TTL_S)) {
    throw new TypeError(
      `Invalid option "cacheTtl" of fromCloudflareKv: expected whole seconds of at least ${CLOUDFLARE_KV_MIN_CACHE_TTL_S}`,
    );
  }
  const encoder = new TextEncoder();
  const checkKey = (key: string) => {
    if (encoder.encode(key).length > CLOUDFLARE_KV_MAX_KEY_BYTES) {
      throw new RangeError(`Workers KV keys are at most ${CLOUDFLARE_KV_MAX_KEY_BYTES} bytes; shorten the store prefix`);
    }
  };
  return {
    get: async (key) => {
      checkKey(key);
      return namespace.get(key, cacheTtl === undefined ? { type: 'text' } : { type: 'text', cacheTtl });
    },
    put: async (key, value, ttlSeconds) => {
      checkKey(key);
      await namespace.put(key, value, { expirationTtl: Math.max(CLOUDFLARE_KV_MIN_TTL_S, ttlSeconds) });
    },
  };
}
