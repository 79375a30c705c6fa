import type { SharedRefreshGrace } from '@authlite/core';
import { createEncryptedRefreshGrace, REFRESH_GRACE_PREFIX } from '@authlite/core/refresh-grace';
import type { KvBackend } from './kv-backend.ts';

/** Options of {@link createSharedRefreshGrace}. */
export interface SharedRefreshGraceOptions {
  /** The organisation's secret key, the same as the client's: the record keys are derived from it. */
  secretKey: string;
  /** First characters of every record's key. Default `authlite:refresh-grace:`. */
  prefix?: string;
}

/**
 * The client option `sharedRefreshGrace` on a key-value backend: the token rotation record
 * shared by every isolate or server that uses `backend`, e.g.
 * `createSharedRefreshGrace(fromCloudflareKv(env.KV), { secretKey })`, `fromDenoKv(kv)` or
 * `fromUnstorage(storage)` (Redis). Keys are HMAC-SHA-256 of the refresh token and values
 * JWE-encrypted pairs (`dir`, `A256GCM`), both under keys derived from `secretKey` with HKDF;
 * never a plain token in the store. Each record carries its own end (`refreshGracePeriod` on
 * the service's clock), so Workers KV's 60 s minimum TTL does not stretch it.
 * @throws TypeError when `backend` has no `get`/`put` or `secretKey` is empty.
 * @example
 * const client = new AuthLiteClient({ apiKey, secretKey, sharedRefreshGrace: createSharedRefreshGrace(fromCloudflareKv(env.GRACE), { secretKey }) });
 * await client.validateTokenSet(access, refresh, { waitUntil: (p) => ctx.waitUntil(p) });
 */
export function createSharedRefreshGrace(backend: KvBackend, options: SharedRefreshGraceOptions): SharedRefreshGrace {
  return createEncryptedRefreshGrace({ backend, secretKey: options?.secretKey, prefix: options?.prefix ?? REFRESH_GRACE_PREFIX });
}
