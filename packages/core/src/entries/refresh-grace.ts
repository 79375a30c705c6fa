/**
 * `@authlite/core/refresh-grace`: the token rotation record shared across isolates and servers
 * (option `sharedRefreshGrace`), encrypted with keys derived from the secret key. Loaded only
 * by apps that use it. `@authlite/store-kv` wraps it for Cloudflare KV, Deno KV and unstorage.
 * @module
 */
export {
  createEncryptedRefreshGrace,
  type EncryptedRefreshGraceOptions,
  type GraceRecordBackend,
  REFRESH_GRACE_PREFIX,
} from '../tokens/encrypted-refresh-grace.ts';
export type { SharedGraceLifetime, SharedRefreshGrace } from '../tokens/shared-refresh-grace.ts';
