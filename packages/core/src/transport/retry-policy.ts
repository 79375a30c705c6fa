import { isHTTPError, type RetryOptions } from 'ky';

/** Longest `Retry-After` the SDK waits for, milliseconds; a longer one ends the retries at once. */
export const MAX_RETRY_AFTER_MS = 10_000;

/**
 * The `Retry-After` header (seconds or HTTP date) in milliseconds from now, if any. A date is
 * judged on the service's clock: against the same answer's `Date` header when it has one
 * (so a host clock that is off does not matter), else against the host's clock.
 */
export function retryAfterMs(headers: Headers): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(raw);
  if (Number.isNaN(date)) return undefined;
  // Stryker disable next-line StringLiteral: `?? ''` is equivalent (any text that is no date parses to NaN as '' does); 'date' is guarded by test/unit/retry-after-date.test.ts.
  const sent = Date.parse(headers.get('date') ?? '');
  return date - (Number.isNaN(sent) ? Date.now() : sent);
}

/**
 * Retry policy for requests that are safe to repeat (idempotent reads: token validation,
 * user data, the role list): at most 2 retries on a network error or on 408, 429, 500, 502,
 * 503, 504, with exponential backoff capped at 2000 ms, full jitter, and `Retry-After`
 * honoured (seconds or HTTP date); an answer asking for more than 10000 ms is not retried.
 */
export const SAFE_RETRY: RetryOptions = {
  limit: 2,
  methods: ['get'],
  statusCodes: [408, 429, 500, 502, 503, 504],
  afterStatusCodes: [413, 429, 503],
  maxRetryAfter: MAX_RETRY_AFTER_MS,
  backoffLimit: 2_000,
  jitter: true,
  shouldRetry: ({ error }) => {
    if (!isHTTPError(error)) return undefined;
    const after = retryAfterMs(error.response.headers);
    // Stryker disable next-line ConditionalExpression: equivalent, undefined > 10000 is false too.
    return after !== undefined && after > MAX_RETRY_AFTER_MS ? false : undefined;
  },
};

/**
 * No retry: writes (role and permission changes, assignments, revocation) and reads that
 * consume something (a login code, a re-auth code, a refresh token under rotation) are sent
 * exactly once; repeating them could act twice or re-send a used token.
 */
export const NO_RETRY: RetryOptions = { limit: 0 };
