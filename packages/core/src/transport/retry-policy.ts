import { type HTTPError, isHTTPError, type RetryOptions } from 'ky';
import type { Clock } from '../runtime/clock.ts';

/** Longest `Retry-After` the SDK waits for, milliseconds; a longer one ends the retries at once. */
export const MAX_RETRY_AFTER_MS = 10_000;

/**
 * The `Retry-After` header (seconds or HTTP date, RFC 9110 §10.2.3) in milliseconds from now,
 * if any. A date is judged on the service's clock: against the same answer's `Date` header
 * when it has one, else against `serviceClock` (the client's estimate of the service's clock),
 * so a host clock that is off does not matter.
 */
export function retryAfterMs(headers: Headers, serviceClock: Clock): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  // Stryker disable next-line StringLiteral: `?? ''` is equivalent (any text that is no date parses to NaN as '' does); 'date' is guarded by test/unit/retry-after-date.test.ts.
  const sent = Date.parse(headers.get('date') ?? '');
  return date - (Number.isNaN(sent) ? serviceClock.nowMs() : sent);
}

/**
 * Retry policy for requests that are safe to repeat (idempotent reads: token validation,
 * user data, the role list): at most 2 retries on a network error or on 408, 429, 500, 502,
 * 503, 504, with exponential backoff (300 ms doubled per retry) capped at 2000 ms, full jitter,
 * and `Retry-After` honoured on 429 and 503 (seconds or HTTP date); an answer asking for more
 * than 10000 ms is not retried. The waits are decided by {@link clockedRetry}, not by ky.
 */
export const SAFE_RETRY: RetryOptions = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  // ky never reads Retry-After itself (it would judge a date on the host's clock).
  afterStatusCodes: [],
  backoffLimit: Number.POSITIVE_INFINITY,
  jitter: false,
};

/**
 * No retry: writes (role and permission changes, assignments, revocation) and reads that
 * consume something (a login code, a re-auth code, a refresh token under rotation) are sent
 * exactly once; repeating them could act twice or re-send a used token.
 */
export const NO_RETRY: RetryOptions = { limit: 0 };

/**
 * `policy` with its waits decided here: a `Retry-After` (429, 503) judged on `serviceClock`
 * (see {@link retryAfterMs}) and taken through `clock.wait` (the SDK clock's, with the caller's
 * `signal`) when it has one, else by ky's timer; otherwise the jittered backoff, by ky's timer.
 * ky decides the rest (limit, method, status, no retry on timeout).
 */
export function clockedRetry(policy: RetryOptions, serviceClock: Clock, clock?: Clock, signal?: AbortSignal): RetryOptions {
  let afterMs: number | undefined;
  return {
    ...policy,
    delay: (retryCount) => afterMs ?? Math.random() * Math.min(2_000, 300 * 2 ** (retryCount - 1)),
    shouldRetry: async ({ error }) => {
      const status = isHTTPError(error) ? error.response.status : 0;
      afterMs = status === 429 || status === 503 ? retryAfterMs((error as HTTPError).response.headers, serviceClock) : undefined;
      // Stryker disable next-line ConditionalExpression: equivalent, undefined > 10000 is false too.
      if ((afterMs as number) > MAX_RETRY_AFTER_MS) return false;
      // 429 and 503 are always retried (within the limit): the wait can be taken before ky says so.
      if (afterMs !== undefined && clock?.wait) {
        await clock.wait(afterMs, signal);
        afterMs = 0;
      }
      return undefined;
    },
  };
}
