/**
 * The one small key-value interface the KV role store needs. Adapters for Cloudflare Workers
 * KV ({@link fromCloudflareKv}) and Deno KV ({@link fromDenoKv}) ship with this package; any
 * other backend plugs in by passing an object with these two methods, for example Upstash or
 * Vercel KV:
 *
 * ```ts
 * const store = createKvStore({
 *   get: (key) => redis.get(key),
 *   put: (key, value, ttlSeconds) => redis.set(key, value, ttlSeconds ? { ex: ttlSeconds } : {}).then(() => {}),
 * });
 * ```
 *
 * or node-redis / ioredis: `put: (key, value, ttl) => client.set(key, value, { EX: ttl })`.
 */
export interface KvBackend {
  /**
   * The value stored under `key`: the string `put` stored, or `null`/`undefined` when there is
   * none. A backend that decodes JSON by itself (Upstash and Vercel KV do) may return the
   * decoded value instead. Anything else is treated as no value.
   */
  get(key: string): Promise<unknown>;
  /**
   * Stores `value` under `key`, replacing any value. `ttlSeconds` (a whole number of seconds,
   * at least 1) is how long the backend may keep it; a backend may keep it longer (Workers KV
   * keeps it at least 60 s), never needs to keep it shorter: the store checks expiry itself.
   */
  put(key: string, value: string, ttlSeconds: number): Promise<void>;
}
