/**
 * `@authlite/store-kv`: role stores for `@authlite/core` on key-value backends that many
 * clients share: Cloudflare Workers KV, Deno KV, or any backend with `get` and `put`.
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
} from './cloudflare-kv.js';
export {
  DENO_KV_CHUNK_BYTES,
  DENO_KV_MAX_VALUE_BYTES,
  type DenoKv,
  type DenoKvAtomic,
  type DenoKvKey,
  type DenoKvKeyPart,
  type DenoKvOptions,
  fromDenoKv,
} from './deno-kv.js';
export type { KvBackend } from './kv-backend.js';
export { createKvStore, KvRoleStore } from './kv-role-store.js';
export { DEFAULT_TTL_S, type KvStoreOptions } from './options.js';
