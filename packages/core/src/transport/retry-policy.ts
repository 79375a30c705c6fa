import { isHTTPError, isTimeoutError, type RetryOptions } from 'ky';
import type { Clock } from '../runtime/clock.js';

/** Longest `Retry-After` the SDK waits for, milliseconds; a longer one ends the retries at once. */
export const MAX_RETRY_AFTER_MS = 10_000;

/**
 * The `Retry-After` header (seconds or HTTP date, RFC 9110 §10.2.3) in milliseconds from now,
 * if any. A date is judged on the service's clock: against the same answer's `Date` header
 * when it has one, else against `serviceClock` (the client's estimate of the service's clock),
 * so a host clock that is off does not matter.
 */
export function retryAfterMs(headers: Headers, serviceClock?: Clock): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  const sent = Date.parse(headers.get('date') ?? '');
  return date - (Number.isNaN(sent) ? (serviceClock ?? { nowMs: Date.now }).nowMs() : sent);
}

/**
 * Retry policy for requests that are safe to repeat (idempotent reads: token validation,
 * user data, the role list): at most 2 retries on a network error or on 408, 429, 500, 502,
 * 503, 504, with exponential backoff (300 ms doubled per retry) capped at 2000 ms, full jitter,
 * and `Retry-After` honoured on 429 and 503 (seconds or HTTP date); an answer asking for more
 * than 10000 ms is not retried. The waits are taken by {@link clockedRetry}.
 */
export const SAFE_RETRY: RetryOptions = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [429, 503],
  maxRetryAfter: MAX_RETRY_AFTER_MS,
  backoffLimit: 2_000,
};

/**
 * No retry: writes (role and permission changes, assignments, revocation) and reads that
 * consume something (a login code, a re-auth code, a refresh token under rotation) are sent
 * exactly once; repeating them could act twice or re-send a used token.
 */
export const NO_RETRY: RetryOptions = { limit: 0 };

/**
 * `policy` as ky options whose every wait is taken here, not by ky's own timer and host clock:
 * `Retry-After` dates judged on `serviceClock` (see {@link retryAfterMs}), and the wait (that
 * or the jittered backoff) through `wait`, the client's clock. ky only decides the limit and
 * the method; it retries at once when told to.
 * @param wait the clock's wait; rejects with `signal.reason` when the caller's signal fires.
 */
export function clockedRetry(policy: RetryOptions, serviceClock: Clock, wait: (ms: number) => Promise<void>): RetryOptions {
  if (!policy.limit) return policy;
  const statusCodes = policy.statusCodes ?? [];
  const afterStatusCodes = policy.afterStatusCodes ?? [];
  const maxAfterMs = policy.maxRetryAfter ?? MAX_RETRY_AFTER_MS;
  const backoffLimitMs = policy.backoffLimit ?? Number.POSITIVE_INFINITY;
  return {
    ...policy,
    delay: () => 0,
    jitter: false,
    shouldRetry: async ({ error, retryCount }) => {
      let waitMs = Math.random() * Math.min(backoffLimitMs, 300 * 2 ** (retryCount - 1));
      if (isTimeoutError(error)) return false;
      if (isHTTPError(error)) {
        const { status, headers } = error.response;
        if (!statusCodes.includes(status)) return false;
        const after = afterStatusCodes.includes(status) ? retryAfterMs(headers, serviceClock) : undefined;
        if (after !== undefined && after > maxAfterMs) return false;
        if (after !== undefined) waitMs = Math.max(0, after);
      }
      await wait(waitMs);
      return true;
    },
  };
}
