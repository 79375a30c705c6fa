import type { Clock } from '@authlite/core';
import { refuseUnknownKeys } from '@authlite/core/options';

/** Default time a saved snapshot may be kept, seconds: one day. */
export const DEFAULT_TTL_S = 86_400;

/** Options of {@link createKvStore}. */
export interface KvStoreOptions {
  /**
   * Put before every key, to share one namespace or database with other data, e.g.
   * `"myapp:"`. At most 256 characters. Default none (keys are already `authlite:roles:...`).
   */
  prefix?: string;
  /**
   * How long a saved snapshot may be kept, seconds (1 to 31536000). Default 86400 (one day).
   * A snapshot older than this reads as absent, whatever the backend's own minimum (Workers KV
   * keeps keys at least 60 s). This is a storage limit, not the cache's freshness: the client's
   * `maxAge` decides when a snapshot is re-fetched; keep `ttl` at least as long.
   */
  ttl?: number;
  /**
   * The clock that dates each saved snapshot's expiry (`ttl`): `nowMs()` in milliseconds since
   * the epoch. Default the host's clock; pass the client's `clock` to keep one time for both.
   */
  clock?: Clock;
}

const HOST_CLOCK: Clock = { nowMs: () => Date.now() };

function invalid(option: string, expected: string): TypeError {
  return new TypeError(`Invalid option "${option}" of createKvStore: expected ${expected}`);
}

/** The options with their defaults. @throws TypeError naming the first invalid option. */
export function resolveOptions(options: KvStoreOptions): Required<KvStoreOptions> {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'an object');
  refuseUnknownKeys(options, ['prefix', 'ttl', 'clock']);
  const { prefix = '', ttl = DEFAULT_TTL_S, clock = HOST_CLOCK } = options;
  if (typeof prefix !== 'string' || prefix.length > 256) throw invalid('prefix', 'a string of at most 256 characters');
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > 31_536_000) {
    throw invalid('ttl', 'whole seconds from 1 to 31536000');
  }
  if (typeof clock !== 'object' || clock === null || typeof clock.nowMs !== 'function')
    throw invalid('clock', 'an object with a nowMs() method');
  return { prefix, ttl, clock };
}
