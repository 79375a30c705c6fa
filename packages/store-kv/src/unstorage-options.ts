import { DEFAULT_FILL_LEASE_MS } from './fill-lease.ts';
import type { BackendLimits } from './unstorage-limits.ts';

/** Default deadline of one store operation, milliseconds. */
export const DEFAULT_STORE_TIMEOUT_MS = 1_000;

/** Options of {@link fromUnstorage} and {@link createUnstorageStore}. */
export interface UnstorageOptions {
  /**
   * Deadline of each `get` and `put`, milliseconds (1 to 60000). Default 1000. A backend that
   * does not answer in time fails that one call with a `StoreTimeoutError`; the client then
   * reads the store as empty (and asks the service) or keeps its in-memory cache.
   */
  timeout?: number;
  /** Limits to apply instead of the mounted driver's (see `DRIVER_LIMITS`). */
  limits?: BackendLimits;
  /**
   * Redis driver only: processes that find the store empty at the same time fetch once between
   * them (see the package README): one takes a lease and fetches, the others wait for its snapshot.
   * `true` (a 3000 ms lease), the lease time in milliseconds (100 to 60000), or `false`.
   * Default `true`; other drivers ignore it (unstorage gives them no atomic set-if-absent).
   */
  fillLease?: boolean | number;
}

/** The fill lease in milliseconds, `undefined` when off. @throws TypeError when `fillLease` is invalid. */
export function resolveLease(options: UnstorageOptions): number | undefined {
  const { fillLease } = options;
  if (fillLease === false) return undefined;
  if (fillLease === undefined || fillLease === true) return DEFAULT_FILL_LEASE_MS;
  if (typeof fillLease !== 'number' || !Number.isInteger(fillLease) || fillLease < 100 || fillLease > 60_000) {
    throw new TypeError('Invalid option "fillLease" of fromUnstorage: expected true, false or whole milliseconds from 100 to 60000');
  }
  return fillLease;
}

/** The per-call deadline in milliseconds. @throws TypeError when `options` or `timeout` is invalid. */
export function resolveTimeout(options: UnstorageOptions): number {
  if (typeof options !== 'object' || options === null) throw new TypeError('Invalid option "options" of fromUnstorage: expected an object');
  const { timeout = DEFAULT_STORE_TIMEOUT_MS } = options;
  if (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 60_000) {
    throw new TypeError('Invalid option "timeout" of fromUnstorage: expected whole milliseconds from 1 to 60000');
  }
  return timeout;
}
