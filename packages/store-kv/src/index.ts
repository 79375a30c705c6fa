/**
 * `@authlite/store-kv`: role stores for `@authlite/core` on key-value backends that many
 * clients share: any unstorage `Storage` (Redis, Upstash, Vercel KV, Cloudflare KV, ...),
 * native Cloudflare Workers KV and Deno KV adapters, or any backend with `get` and `put`.
 *
 * @packageDocumentation
 */
export {
  CLOUDFLARE_KV_MAX_KEY_BYTES,
  CLOUDFLARE_KV_MIN_CACHE_TTL_S,
  CLOUDFLARE_KV_MIN_TTL_S,
  type CloudflareKvNamespace,
  type CloudflareKvOptions,
  fromCloudflareKv,
} from './cloudflare-kv.ts';
export { StoreTimeoutError } from './deadline.ts';
export {
  DENO_KV_CHUNK_BYTES,
  DENO_KV_MAX_VALUE_BYTES,
  type DenoKv,
  type DenoKvAtomic,
  type DenoKvKey,
  type DenoKvKeyPart,
  type DenoKvOptions,
  fromDenoKv,
} from './deno-kv.ts';
export { DEFAULT_FILL_LEASE_MS } from './fill-lease.ts';
export type { KvBackend } from './kv-backend.ts';
export { createKvStore, KvRoleStore } from './kv-role-store.ts';
export { DEFAULT_TTL_S, type KvStoreOptions } from './options.ts';
export { createSharedRefreshGrace, type SharedRefreshGraceOptions } from './shared-refresh-grace.ts';
export { createUnstorageStore, fromUnstorage, type UnstorageLike } from './unstorage.ts';
export { type BackendLimits, DEFAULT_LIMITS, DRIVER_LIMITS } from './unstorage-limits.ts';
export { DEFAULT_STORE_TIMEOUT_MS, type UnstorageOptions } from './unstorage-options.ts';
